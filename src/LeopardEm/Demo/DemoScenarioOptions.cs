namespace LeopardEm.Demo;

/// <summary>What a <see cref="DemoScenario"/> plants and how coarsely it searches. Two presets: <see cref="Default"/>
/// (the <c>leopard demo</c> micrograph) and <see cref="Small"/> (a fast case for tests and quick checks).</summary>
public sealed record DemoScenarioOptions
{
    /// <summary>The <c>leopard demo</c> case: a 1024 x 1024 micrograph at 1.5 Å/px (1536 Å across) with 12 copies
    /// of a 64³ template, searched on a 12° orientation grid and three defocus planes.</summary>
    public static DemoScenarioOptions Default { get; } = new();

    /// <summary>A fast case: the same template and search on a 256 x 256 micrograph with 4 copies.</summary>
    public static DemoScenarioOptions Small { get; } = new() { ImageSize = 256, ParticleCount = 4 };

    /// <summary>Edge of the square micrograph, pixels (even).</summary>
    public int ImageSize { get; init; } = 1024;

    /// <summary>Edge of the cubic template, voxels (even).</summary>
    public int TemplateSize { get; init; } = 64;

    /// <summary>Pixel (and voxel) size, Å.</summary>
    public double PixelSize { get; init; } = 1.5;

    /// <summary>Psi and theta step of the uniform orientation grid searched, degrees.</summary>
    public double AngularStep { get; init; } = 12;

    /// <summary>Defocus planes searched: −DefocusRange .. +DefocusRange in steps of <see cref="DefocusStep"/>, Å
    /// relative to the mean defocus.</summary>
    public double DefocusRange { get; init; } = 500;

    /// <summary>Spacing of the defocus planes searched, Å.</summary>
    public double DefocusStep { get; init; } = 500;

    /// <summary>Copies planted. Even-numbered copies (0, 2, ...) sit exactly on a grid orientation and defocus plane,
    /// odd-numbered ones between them (see <see cref="OffGridFraction"/>).</summary>
    public int ParticleCount { get; init; } = 12;

    /// <summary>How far off the grid the odd-numbered copies are turned: a grid orientation rotated by this fraction of
    /// <see cref="AngularStep"/> about a random axis (geodesic angle). Their defocus is random within the searched
    /// range.</summary>
    public double OffGridFraction { get; init; } = 1 / 3.0;

    /// <summary>Matched-filter signal-to-noise ratio of every copy (see <see cref="PlantedParticle.SignalToNoise"/>).</summary>
    public double SignalToNoise { get; init; } = 15;

    /// <summary>The noise: white plus a low-frequency excess, which the search's whitening filter removes.</summary>
    public SyntheticNoise Noise { get; init; } = new(LowFrequencyExcess: 20, CornerFrequency: 0.04);

    /// <summary>Seed of the layout, orientations, defoci and noise; the same options give the same scenario.</summary>
    public int Seed { get; init; } = 20240607;
}
