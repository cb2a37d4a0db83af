using LeopardEm.Settings;

namespace LeopardEm.Interop;

/// <summary>
/// A micrograph's fitted CTF as CTFFIND4 or RELION report it, in Leopard-EM's <c>optics_group</c> units and
/// conventions: defoci in Å (positive underfocus) with <see cref="DefocusU"/> ≥ <see cref="DefocusV"/>, the angle of
/// <see cref="DefocusU"/> in degrees from +x towards +y, the phase shift in degrees (CTFFIND writes radians, RELION
/// degrees). CTFFIND, RELION and Leopard-EM agree on the angle and on which defocus lies along it once U is the
/// larger (verified against RELION's projector); estimates with U &lt; V are normalised by swapping them and turning the
/// angle by 90°.
/// </summary>
public sealed record CtfEstimate
{
    /// <summary>The micrograph the estimate belongs to, as the file names it (RELION <c>rlnMicrographName</c>, the
    /// CTFFIND header's input file); null when the file does not say.</summary>
    public string? MicrographName { get; init; }

    /// <summary>Defocus along <see cref="AstigmatismAngle"/>, Å, the larger of the two.</summary>
    public required double DefocusU { get; init; }

    /// <summary>Defocus perpendicular to <see cref="AstigmatismAngle"/>, Å.</summary>
    public required double DefocusV { get; init; }

    /// <summary>Direction of <see cref="DefocusU"/>, degrees from +x towards +y, in (−180, 180].</summary>
    public required double AstigmatismAngle { get; init; }

    /// <summary>Additional phase shift, degrees.</summary>
    public double PhaseShift { get; init; }

    /// <summary>Accelerating voltage the file reports, kV; null when it does not.</summary>
    public double? VoltageKv { get; init; }

    /// <summary>Spherical aberration the file reports, mm; null when it does not.</summary>
    public double? SphericalAberrationMm { get; init; }

    /// <summary>Amplitude contrast the file reports; null when it does not.</summary>
    public double? AmplitudeContrast { get; init; }

    /// <summary>Pixel size the file reports, Å; null when it does not.</summary>
    public double? PixelSize { get; init; }

    /// <summary>
    /// An estimate from values in RELION's and CTFFIND's convention (<paramref name="defocusU"/> along
    /// <paramref name="angle"/>, whichever is larger), normalised so that U is the larger.
    /// </summary>
    /// <param name="defocusU">Defocus along the angle, Å.</param>
    /// <param name="defocusV">Defocus perpendicular to it, Å.</param>
    /// <param name="angle">Angle of <paramref name="defocusU"/>, degrees.</param>
    /// <param name="phaseShiftDegrees">Additional phase shift, degrees.</param>
    public static CtfEstimate FromAlongAngle(double defocusU, double defocusV, double angle, double phaseShiftDegrees) =>
        defocusU >= defocusV
            ? new CtfEstimate { DefocusU = defocusU, DefocusV = defocusV, AstigmatismAngle = Wrap(angle), PhaseShift = phaseShiftDegrees }
            : new CtfEstimate { DefocusU = defocusV, DefocusV = defocusU, AstigmatismAngle = Wrap(angle + 90), PhaseShift = phaseShiftDegrees };

    /// <summary>
    /// <paramref name="optics"/> with this estimate's defocus_u, defocus_v, astigmatism_angle and phase_shift. The
    /// microscope (voltage, Cs, amplitude contrast, pixel size) stays as configured: the file's values are reported in
    /// the other properties for the caller to compare.
    /// </summary>
    public OpticsGroup ApplyTo(OpticsGroup optics)
    {
        ArgumentNullException.ThrowIfNull(optics);
        return optics with { DefocusU = DefocusU, DefocusV = DefocusV, AstigmatismAngle = AstigmatismAngle, PhaseShift = PhaseShift };
    }

    // The same direction in (−180, 180].
    private static double Wrap(double degrees)
    {
        var wrapped = Math.IEEERemainder(degrees, 360);
        return wrapped <= -180 ? wrapped + 360 : wrapped;
    }
}
