using System.Globalization;
using LeopardEm.Optics;

namespace LeopardEm.Io;

/// <summary>
/// Reads a detector MTF from a RELION-style STAR file: the first <c>loop_</c> with the columns
/// <c>_rlnResolutionInversePixel</c> (cycles/pixel) and <c>_rlnMtfValue</c>, in any order, one row per line.
/// </summary>
public static class MtfStarReader
{
    private const string FrequencyTag = "_rlnResolutionInversePixel";
    private const string ValueTag = "_rlnMtfValue";

    /// <summary>Reads an MTF STAR file.</summary>
    /// <exception cref="FormatException">The file has no MTF loop or a row is malformed; the message names the
    /// file and line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DetectorMtf Read(string path) => Parse(InputFile.ReadText(path, "the MTF file"), path);

    /// <summary>Parses MTF STAR text.</summary>
    /// <param name="text">The file contents.</param>
    /// <param name="sourceName">Name used in messages, normally the file path.</param>
    /// <exception cref="FormatException">The text has no MTF loop or a row is malformed.</exception>
    public static DetectorMtf Parse(string text, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "loop_")
            {
                continue;
            }

            var tags = new List<string>();
            var row = i + 1;
            for (; row < lines.Length && lines[row].TrimStart().StartsWith('_'); row++)
            {
                // RELION may append a column number: "_rlnMtfValue #2".
                tags.Add(lines[row].Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0]);
            }

            var f = tags.IndexOf(FrequencyTag);
            var v = tags.IndexOf(ValueTag);
            if (f >= 0 && v >= 0)
            {
                return ReadRows(lines, row, tags.Count, f, v, sourceName);
            }
        }

        throw new FormatException($"{sourceName}: no loop_ with {FrequencyTag} and {ValueTag} columns (is this an MTF STAR file?)");
    }

    private static DetectorMtf ReadRows(string[] lines, int first, int columns, int f, int v, string sourceName)
    {
        var frequencies = new List<double>();
        var values = new List<double>();
        for (var row = first; row < lines.Length; row++)
        {
            var line = lines[row].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                if (frequencies.Count > 0 && line.Length == 0)
                {
                    break;
                }

                continue;
            }

            if (line.StartsWith("data_", StringComparison.Ordinal) || line.StartsWith("loop_", StringComparison.Ordinal) ||
                line.StartsWith('_'))
            {
                break;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != columns)
            {
                throw new FormatException($"{sourceName}:{row + 1}: expected {columns} values per row, got {fields.Length}");
            }

            frequencies.Add(Number(fields[f], FrequencyTag, row, sourceName));
            values.Add(Number(fields[v], ValueTag, row, sourceName));
        }

        try
        {
            return new DetectorMtf(frequencies, values);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{sourceName}: {e.Message}", e);
        }
    }

    private static double Number(string field, string tag, int row, string sourceName) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"{sourceName}:{row + 1}: expected a number for {tag}, got '{field}'");
}
