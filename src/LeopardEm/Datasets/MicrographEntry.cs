using LeopardEm.Settings;

namespace LeopardEm.Datasets;

/// <summary>
/// One micrograph of a dataset table (<see cref="MicrographTable"/>) with its own CTF: the values that replace the
/// configuration's <c>micrograph_path</c> and <c>optics_group</c> defocus for this micrograph only. Defoci in Å
/// (positive underfocus), angles in degrees, in Leopard-EM's <c>optics_group</c> convention.
/// </summary>
public sealed record MicrographEntry
{
    /// <summary>The micrograph file as the table writes it (relative paths resolve against the current directory, as
    /// the configuration's do).</summary>
    public required string Path { get; init; }

    /// <summary><c>defocus_u</c>, Å.</summary>
    public required double DefocusU { get; init; }

    /// <summary><c>defocus_v</c>, Å.</summary>
    public required double DefocusV { get; init; }

    /// <summary><c>astigmatism_angle</c>, degrees from +x towards +y.</summary>
    public required double AstigmatismAngle { get; init; }

    /// <summary><c>phase_shift</c>, degrees; null keeps the configuration's.</summary>
    public double? PhaseShift { get; init; }

    /// <summary><c>pixel_size</c>, Å; null keeps the configuration's.</summary>
    public double? PixelSize { get; init; }

    /// <summary>Where the row is, for messages ("table.csv row 3").</summary>
    public string Source { get; init; } = "";

    /// <summary><paramref name="optics"/> with this micrograph's defocus, astigmatism and (when given) phase shift and
    /// pixel size; the microscope otherwise stays as configured.</summary>
    public OpticsGroup ApplyTo(OpticsGroup optics)
    {
        ArgumentNullException.ThrowIfNull(optics);
        return optics with
        {
            DefocusU = DefocusU,
            DefocusV = DefocusV,
            AstigmatismAngle = AstigmatismAngle,
            PhaseShift = PhaseShift ?? optics.PhaseShift,
            PixelSize = PixelSize ?? optics.PixelSize,
        };
    }
}
