using System.Globalization;
using System.Text.RegularExpressions;

namespace LeopardEm.Interop;

/// <summary>
/// Reads the results file CTFFIND 4.1 writes (<c>diagnostic_output.txt</c>): <c>#</c> header lines (program version;
/// input file; pixel size, voltage, Cs and amplitude contrast; search settings; a <c># Columns:</c> line naming the
/// columns) and one row of numbers per micrograph: micrograph number, defocus 1 (Å), defocus 2 (Å), azimuth of
/// astigmatism (degrees), additional phase shift (radians), cross correlation, fit resolution (Å, may be
/// <c>inf</c>). Columns are found by their names in the <c># Columns:</c> line, so CTFFIND 5's extra columns are
/// skipped. Values are converted as RELION imports them (defocus 1 along the azimuth, phase shift to degrees), then
/// normalised to U ≥ V (<see cref="CtfEstimate.FromAlongAngle"/>).
/// </summary>
public static partial class CtffindOutputReader
{
    private const string DefocusU = "defocus 1";
    private const string DefocusV = "defocus 2";
    private const string Azimuth = "azimuth of astigmatism";
    private const string PhaseShift = "additional phase shift";

    /// <summary>Reads a CTFFIND output file: one estimate per micrograph row, in file order.</summary>
    /// <exception cref="StarFormatException">The file has no <c># Columns:</c> header naming the defocus columns, or a
    /// row is malformed; the message names the file and line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<CtfEstimate> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses CTFFIND output text; see <see cref="Read"/>.</summary>
    /// <param name="text">The file contents.</param>
    /// <param name="sourceName">Name used in messages, normally the file path.</param>
    /// <exception cref="StarFormatException">The text is malformed.</exception>
    public static IReadOnlyList<CtfEstimate> Parse(string text, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        string? input = null;
        double? pixelSize = null, voltage = null, cs = null, amplitudeContrast = null;
        Dictionary<string, int>? columns = null;
        var columnCount = 0;
        var estimates = new List<CtfEstimate>();
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                var comment = line[1..].Trim();
                if (comment.StartsWith("Input file:", StringComparison.Ordinal))
                {
                    input = comment["Input file:".Length..].Split(';')[0].Trim();
                }
                else if (comment.StartsWith("Pixel size:", StringComparison.Ordinal))
                {
                    pixelSize = HeaderNumber(comment, "Pixel size:", number, sourceName);
                    voltage = HeaderNumber(comment, "acceleration voltage:", number, sourceName);
                    cs = HeaderNumber(comment, "spherical aberration:", number, sourceName);
                    amplitudeContrast = HeaderNumber(comment, "amplitude contrast:", number, sourceName);
                }
                else if (comment.StartsWith("Columns:", StringComparison.Ordinal))
                {
                    (columns, columnCount) = ColumnsOf(comment, number, sourceName);
                }

                continue;
            }

            if (columns is null)
            {
                throw new StarFormatException(sourceName, number,
                    "expected the '# Columns:' header line of a CTFFIND4 output file before the first row of results");
            }

            var values = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (values.Length != columnCount)
            {
                throw new StarFormatException(sourceName, number,
                    $"expected {columnCount} values (one per column of the '# Columns:' line), got {values.Length}");
            }

            var estimate = CtfEstimate.FromAlongAngle(
                Value(values, columns, DefocusU, number, sourceName),
                Value(values, columns, DefocusV, number, sourceName),
                Value(values, columns, Azimuth, number, sourceName),
                Value(values, columns, PhaseShift, number, sourceName) * 180 / Math.PI);
            estimates.Add(estimate with
            {
                MicrographName = input,
                PixelSize = pixelSize,
                VoltageKv = voltage,
                SphericalAberrationMm = cs,
                AmplitudeContrast = amplitudeContrast,
            });
        }

        if (estimates.Count == 0)
        {
            throw new StarFormatException(sourceName, 0,
                columns is null ? "not a CTFFIND4 output file: no '# Columns:' header line" : "the file has no rows of results");
        }

        return estimates;
    }

    // "# Columns: #1 - micrograph number; #2 - defocus 1 [Angstroms]; #3 - defocus 2; ..." → name → index.
    private static (Dictionary<string, int> Columns, int Count) ColumnsOf(string comment, int line, string sourceName)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (Match match in ColumnPattern().Matches(comment))
        {
            var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) - 1;
            var name = BracketPattern().Replace(match.Groups[2].Value, "").Trim();
            columns.TryAdd(name, index);
            count = Math.Max(count, index + 1);
        }

        var missing = new[] { DefocusU, DefocusV, Azimuth, PhaseShift }.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new StarFormatException(sourceName, line,
                $"the '# Columns:' line does not name the column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}");
        }

        return (columns, count);
    }

    private static double Value(string[] values, Dictionary<string, int> columns, string name, int line, string sourceName)
    {
        var text = values[columns[name]];
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new StarFormatException(sourceName, line, $"expected a number for {name}, got '{text}'");
    }

    private static double HeaderNumber(string comment, string label, int line, string sourceName)
    {
        var at = comment.IndexOf(label, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new StarFormatException(sourceName, line, $"expected '{label}' in the header line '# {comment}'");
        }

        var rest = comment[(at + label.Length)..].TrimStart();
        var word = rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new StarFormatException(sourceName, line, $"expected a number after '{label}', got '{word}'");
    }

    [GeneratedRegex(@"#(\d+)\s*-?\s*([^;#]+)")]
    private static partial Regex ColumnPattern();

    [GeneratedRegex(@"[\[(].*?[\])]")]
    private static partial Regex BracketPattern();
}
