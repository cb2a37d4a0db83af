using LeopardEm.Settings;

namespace LeopardEm.Interop;

/// <summary>
/// A configuration's <c>optics_group</c> with the CTF that CTFFIND4 or RELION estimated for its micrograph
/// (<c>--ctf FILE</c>): the file's defocus_u, defocus_v, astigmatism_angle and phase_shift replace the configured
/// ones; the microscope (voltage, Cs, amplitude contrast, pixel size) stays as configured, and where the file
/// reports a different value, a warning says so.
/// </summary>
/// <param name="Optics">The optics group to search with.</param>
/// <param name="Note">What was taken from the file, with the values it replaced.</param>
/// <param name="Warnings">Where the file's microscope differs from the configuration's (each names both
/// values).</param>
public sealed record CtfOverride(OpticsGroup Optics, string Note, IReadOnlyList<string> Warnings)
{
    // Files print the microscope with 2-6 decimals (CTFFIND: pixel size 1.060, Cs 2.70).
    private const double RelativeTolerance = 1e-3;

    /// <summary>Reads <paramref name="ctfPath"/>'s estimate for <paramref name="micrographPath"/> (see
    /// <see cref="CtfEstimateReader.ReadFor"/>) and applies it to <paramref name="configured"/>.</summary>
    /// <param name="ctfPath">A CTFFIND4 results file or a RELION micrograph CTF STAR file.</param>
    /// <param name="micrographPath">The micrograph being searched (chooses the row of a file with several).</param>
    /// <param name="configured">The configuration's optics group.</param>
    /// <exception cref="StarFormatException">The file is malformed or has no single estimate for the micrograph (the
    /// message names the file and line).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CtfOverride Read(string ctfPath, string micrographPath, OpticsGroup configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var estimate = CtfEstimateReader.ReadFor(ctfPath, micrographPath);
        var note =
            $"CTF from {ctfPath}{(estimate.MicrographName is { } name ? $" (micrograph {name})" : "")}: defocus_u {estimate.DefocusU:0.0} Å, " +
            $"defocus_v {estimate.DefocusV:0.0} Å, astigmatism_angle {estimate.AstigmatismAngle:0.00}°, phase_shift {estimate.PhaseShift:0.00}° " +
            $"(the configuration's {configured.DefocusU:0.0} Å, {configured.DefocusV:0.0} Å, {configured.AstigmatismAngle:0.00}°, " +
            $"{configured.PhaseShift:0.00}° are not used).";
        var warnings = new List<string>();
        void Compare(string key, double? reported, double used, string unit)
        {
            if (reported is { } value && Math.Abs(value - used) > RelativeTolerance * Math.Abs(used) + 1e-9)
            {
                warnings.Add(
                    $"{ctfPath} reports {key} {value}{unit}, but the configuration's {OpticsGroup.YamlKey}.{key} is {used}{unit}; " +
                    "the configuration's is used (check that the file belongs to this micrograph and microscope).");
            }
        }

        Compare("voltage", estimate.VoltageKv, configured.Voltage, " kV");
        Compare("spherical_aberration", estimate.SphericalAberrationMm, configured.SphericalAberration, " mm");
        Compare("amplitude_contrast_ratio", estimate.AmplitudeContrast, configured.AmplitudeContrastRatio, "");
        Compare("pixel_size", estimate.PixelSize, configured.PixelSize, " Å");
        return new CtfOverride(estimate.ApplyTo(configured), note, warnings);
    }
}
