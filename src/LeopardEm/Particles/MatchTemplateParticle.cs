using LeopardEm.Settings;

namespace LeopardEm.Particles;

/// <summary>
/// One particle found by match_template: a peak of the z-score map with the statistics and best-match parameters at
/// that pixel (spec §12.2). Positions are in micrograph pixels: (<see cref="X"/>, <see cref="Y"/>) is the template's
/// top-left corner (the map pixel), the particle centre is the corner + N/2.
/// </summary>
public sealed record MatchTemplateParticle
{
    /// <summary>0-based rank in the picked (descending score) order.</summary>
    public required int Index { get; init; }

    /// <summary>Maximum correlation at the peak (≈ SNR units).</summary>
    public required float Mip { get; init; }

    /// <summary>z-score (scaled MIP) at the peak.</summary>
    public required float ZScore { get; init; }

    /// <summary>Mean of all correlations at the peak.</summary>
    public required float CorrelationMean { get; init; }

    /// <summary>Standard deviation of all correlations at the peak (Leopard-EM's "correlation_variance" column).</summary>
    public required float CorrelationStandardDeviation { get; init; }

    /// <summary>Cross-correlations per pixel of the search.</summary>
    public required long TotalCorrelations { get; init; }

    /// <summary>Column of the template's top-left corner, pixels.</summary>
    public required int X { get; init; }

    /// <summary>Row of the template's top-left corner, pixels.</summary>
    public required int Y { get; init; }

    /// <summary>Template edge N, pixels.</summary>
    public required int TemplateSize { get; init; }

    /// <summary>Column of the particle centre, pixels: X + N/2.</summary>
    public int CentreX => X + TemplateSize / 2;

    /// <summary>Row of the particle centre, pixels: Y + N/2.</summary>
    public int CentreY => Y + TemplateSize / 2;

    /// <summary>Best-match Euler angle phi, degrees (ZYZ).</summary>
    public required float Phi { get; init; }

    /// <summary>Best-match Euler angle theta, degrees (ZYZ).</summary>
    public required float Theta { get; init; }

    /// <summary>Best-match Euler angle psi, degrees (ZYZ).</summary>
    public required float Psi { get; init; }

    /// <summary>Best-match defocus relative to (defocus_u + defocus_v)/2, Å.</summary>
    public required float RelativeDefocus { get; init; }

    /// <summary>Best-match pixel size, Å (the nominal one unless pixel size was searched). Kept as float32 so an
    /// unsearched 1.06 Å is written "1.06", as upstream.</summary>
    public required float PixelSize { get; init; }

    /// <summary>The run's settings: optics and file paths are copied into every row.</summary>
    public required MatchTemplateSettings Settings { get; init; }
}
