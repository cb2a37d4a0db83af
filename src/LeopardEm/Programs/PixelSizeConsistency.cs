using System.Globalization;
using LeopardEm.Io;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// Catches the commonest silent mistake of a new user: a template simulated at another pixel size than the
/// micrograph's, or a YAML <c>pixel_size</c> that disagrees with the micrograph's header (a template at the wrong scale
/// finds nothing). Headers without a pixel size (0) are not judged. Differences above <see cref="Tolerance"/> stop the
/// run unless the user allows them; smaller ones are reported.
/// </summary>
public static class PixelSizeConsistency
{
    /// <summary>Largest relative difference accepted without being asked (1 %: a 1 % scale error already costs a
    /// noticeable share of the SNR of a large template).</summary>
    public const double Tolerance = 0.01;

    // Differences below this are header rounding (e.g. 1.06 stored as 1.0599999).
    private const double Negligible = 1e-4;

    /// <summary>Compares the YAML pixel size with the micrograph's and the template's header pixel sizes.</summary>
    /// <param name="pixelSize">The YAML's <c>optics_group.pixel_size</c>, Å.</param>
    /// <param name="micrograph">The micrograph's header.</param>
    /// <param name="micrographPath">The micrograph's file, for messages.</param>
    /// <param name="template">The template's header.</param>
    /// <param name="templatePath">The template's file, for messages.</param>
    /// <param name="allowMismatch">Report large differences as notes instead of problems.</param>
    public static (IReadOnlyList<string> Notes, IReadOnlyList<SettingsProblem> Problems) Check(
        double pixelSize, MrcHeader micrograph, string micrographPath, MrcHeader template, string templatePath, bool allowMismatch)
    {
        ArgumentNullException.ThrowIfNull(micrograph);
        ArgumentNullException.ThrowIfNull(template);
        var notes = new List<string>();
        var problems = new List<SettingsProblem>();
        const string key = OpticsGroup.YamlKey + ".pixel_size";
        foreach (var (header, what, path) in new[] { (micrograph, "micrograph", micrographPath), (template, "template", templatePath) })
        {
            double stored = header.VoxelSize.X;
            var difference = Math.Abs(stored - pixelSize) / pixelSize;
            if (!(stored > 0) || difference <= Negligible)
            {
                continue;
            }

            var message = string.Create(CultureInfo.InvariantCulture,
                $"the {what} header of '{path}' gives a pixel size of {stored:G6} Å, but {key} is {pixelSize:G6} Å ({100 * difference:F1} % apart)");
            if (difference > Tolerance && !allowMismatch)
            {
                problems.Add(new SettingsProblem(key,
                    $"{key}: {message}. A template at the wrong scale finds nothing: simulate the template at the micrograph's " +
                    "pixel size and set pixel_size to it (or pass --allow-pixel-size-mismatch if the header is wrong)."));
            }
            else
            {
                notes.Add(message + (difference > Tolerance ? " (allowed by --allow-pixel-size-mismatch)." : "."));
            }
        }

        return (notes, problems);
    }
}
