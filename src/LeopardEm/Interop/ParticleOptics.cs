namespace LeopardEm.Interop;

/// <summary>
/// The optics shared by a group of particles: RELION 3.1's <c>data_optics</c> row. Leopard-EM's micrographs are
/// exported unbinned, so <see cref="MicrographPixelSize"/> and <see cref="ImagePixelSize"/> are the same unless a
/// RELION file says otherwise.
/// </summary>
public sealed record ParticleOptics
{
    /// <summary>Group number, ≥ 1, referenced by <see cref="ParticleRecord.OpticsGroup"/>. RELION
    /// <c>rlnOpticsGroup</c>.</summary>
    public int Number { get; init; } = 1;

    /// <summary>Group name, no line breaks. RELION <c>rlnOpticsGroupName</c>.</summary>
    public string Name { get; init; } = "opticsGroup1";

    /// <summary>Accelerating voltage, kV. RELION <c>rlnVoltage</c>.</summary>
    public required double VoltageKv { get; init; }

    /// <summary>Spherical aberration Cs, mm. RELION <c>rlnSphericalAberration</c>.</summary>
    public required double SphericalAberrationMm { get; init; }

    /// <summary>Amplitude contrast ratio, 0 to 1. RELION <c>rlnAmplitudeContrast</c>.</summary>
    public required double AmplitudeContrast { get; init; }

    /// <summary>Pixel size of the micrographs, the unit of <see cref="ParticleRecord.X"/> and
    /// <see cref="ParticleRecord.Y"/>, Å. Written as RELION <c>rlnMicrographOriginalPixelSize</c>; read from
    /// <c>rlnMicrographPixelSize</c>, else <c>rlnMicrographOriginalPixelSize</c>, else
    /// <c>rlnImagePixelSize</c>.</summary>
    public required double MicrographPixelSize { get; init; }

    /// <summary>Pixel size of the particle images, Å. RELION <c>rlnImagePixelSize</c>.</summary>
    public required double ImagePixelSize { get; init; }

    /// <summary>Edge of the square particle images (the extraction box, or the template edge when nothing is
    /// extracted), pixels. RELION <c>rlnImageSize</c>; <c>rlnImageDimensionality</c> is 2.</summary>
    public required int ImageSize { get; init; }
}
