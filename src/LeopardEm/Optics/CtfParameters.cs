namespace LeopardEm.Optics;

/// <summary>
/// Microscope and defocus parameters of a contrast transfer function, in the units of Leopard-EM's
/// <c>optics_group</c>. Defocus is positive for underfocus.
/// </summary>
/// <param name="DefocusU">Defocus along the astigmatism angle direction, Å.</param>
/// <param name="DefocusV">Defocus perpendicular to it, Å.</param>
/// <param name="AstigmatismAngle">Angle of the astigmatism, degrees, measured from +kx towards +ky (increasing row
/// index).</param>
/// <param name="VoltageKv">Accelerating voltage, kV.</param>
/// <param name="SphericalAberrationMm">Spherical aberration Cs, mm.</param>
/// <param name="AmplitudeContrast">Amplitude contrast ratio, 0 to 1 (exclusive of 1).</param>
/// <param name="PhaseShiftDegrees">Additional phase shift (phase plate), degrees.</param>
/// <param name="BFactor">B-factor of the amplitude envelope exp(−B k²/4), Å².</param>
public sealed record CtfParameters(
    double DefocusU,
    double DefocusV,
    double AstigmatismAngle,
    double VoltageKv,
    double SphericalAberrationMm = 2.7,
    double AmplitudeContrast = 0.07,
    double PhaseShiftDegrees = 0.0,
    double BFactor = 0.0)
{
    /// <summary>Mean defocus (du + dv)/2, Å.</summary>
    public double MeanDefocus => (DefocusU + DefocusV) / 2;

    /// <summary>Half the defocus difference |du − dv|/2, Å. Upstream takes the absolute value, so the larger of du and dv
    /// always lies along <see cref="AstigmatismAngle"/>.</summary>
    public double HalfAstigmatism => Math.Abs(DefocusU - DefocusV) / 2;

    /// <summary>
    /// The spherical aberration that emulates imaging at pixel size <c>nominal + offset</c> while keeping the nominal
    /// frequency grid: Cs_eff = Cs / ((nominal + offset)/nominal)⁴ (how Leopard-EM and cisTEM search pixel size).
    /// </summary>
    /// <param name="nominalPixelSize">Pixel size the frequency grid is computed with, Å.</param>
    /// <param name="pixelSizeOffset">Offset searched, Å.</param>
    public CtfParameters WithPixelSizeOffset(double nominalPixelSize, double pixelSizeOffset)
    {
        var ratio = (nominalPixelSize + pixelSizeOffset) / nominalPixelSize;
        return this with { SphericalAberrationMm = SphericalAberrationMm / Math.Pow(ratio, 4) };
    }
}
