using System.Globalization;
using LeopardEm.Interop;
using LeopardEm.Io;

namespace LeopardEm.Datasets;

/// <summary>
/// Reads the micrographs of a dataset, each with its CTF, from either table a user has:
/// <list type="bullet">
/// <item>a CSV file with a header line naming the columns <c>path</c> (or <c>micrograph_path</c>), <c>defocus_u</c>,
/// <c>defocus_v</c>, <c>astigmatism_angle</c> and optionally <c>pixel_size</c> and <c>phase_shift</c> (any order, other
/// columns ignored; an empty optional cell keeps the configuration's value), values in Leopard-EM's
/// <c>optics_group</c> units and convention, taken as written;</item>
/// <item>a RELION 3.1 <c>micrographs_ctf.star</c> (<see cref="RelionCtfStarReader"/>): <c>rlnMicrographName</c>,
/// <c>rlnDefocusU/V</c>, <c>rlnDefocusAngle</c>, <c>rlnPhaseShift</c>, and the pixel size of the micrograph's optics
/// group (<c>rlnMicrographPixelSize</c>) when the file has a <c>data_optics</c> table.</item>
/// </list>
/// The two are told apart by content, as for <c>--ctf</c>.
/// </summary>
public static class MicrographTable
{
    /// <summary>The CSV columns, first the required ones.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["path", "defocus_u", "defocus_v", "astigmatism_angle", "pixel_size", "phase_shift"];

    /// <summary>Reads <paramref name="path"/>: one entry per micrograph, in file order.</summary>
    /// <exception cref="FormatException">The table is malformed, lacks a column, has a value that is not a number, has
    /// no rows or lists a micrograph twice (the message names the file and row or line).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IReadOnlyList<MicrographEntry> Read(string path)
    {
        var text = InputFile.ReadText(path, "the micrograph table");
        var entries = StarReader.LooksLikeStar(text) ? FromStar(StarReader.Parse(text, path), path) : FromCsv(text, path);
        if (entries.Count == 0)
        {
            throw new FormatException($"{path}: the table lists no micrographs.");
        }

        var twice = entries.GroupBy(e => e.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new FormatException(
                $"{path}: micrograph '{twice.Key}' is listed more than once ({string.Join(", ", twice.Select(e => e.Source))}).");
        }

        return entries;
    }

    private static List<MicrographEntry> FromStar(StarDocument document, string path) =>
        [.. RelionCtfStarReader.FromStar(document).Select((estimate, row) => new MicrographEntry
        {
            Path = estimate.MicrographName ?? throw new FormatException($"{path}: row {row + 1} names no micrograph."),
            DefocusU = estimate.DefocusU,
            DefocusV = estimate.DefocusV,
            AstigmatismAngle = estimate.AstigmatismAngle,
            PhaseShift = estimate.PhaseShift,
            PixelSize = estimate.PixelSize,
            Source = FormattableString.Invariant($"{path} row {row + 1}"),
        })];

    private static List<MicrographEntry> FromCsv(string text, string path)
    {
        var table = ParticleTableCsv.Parse(text, path);
        var pathColumn = table.Contains("path") ? "path" : table.Contains("micrograph_path") ? "micrograph_path" : null;
        var missing = CsvColumns.Skip(1).Take(3).Where(c => !table.Contains(c)).ToList();
        if (pathColumn is null)
        {
            missing.Insert(0, "path");
        }

        if (missing.Count > 0)
        {
            throw new FormatException(
                $"{path}: a micrograph table needs the column(s) {string.Join(", ", missing)} in its header line; it has " +
                $"{string.Join(", ", table.Columns)}. Expected: {string.Join(",", CsvColumns.Take(4))}[,pixel_size][,phase_shift] " +
                "(or a RELION micrographs_ctf.star).");
        }

        var entries = new List<MicrographEntry>(table.Rows.Count);
        for (var row = 0; row < table.Rows.Count; row++)
        {
            var source = FormattableString.Invariant($"{path} row {row + 1}");
            double Required(string column) => Number(table[row, column], column, source)
                ?? throw new FormatException($"{source}: {column} is empty.");
            double? Optional(string column) => table.Contains(column) ? Number(table[row, column], column, source) : null;
            entries.Add(new MicrographEntry
            {
                Path = table[row, pathColumn!] is string micrograph && micrograph.Length > 0
                    ? micrograph
                    : throw new FormatException($"{source}: {pathColumn} is empty or not a file name."),
                DefocusU = Required("defocus_u"),
                DefocusV = Required("defocus_v"),
                AstigmatismAngle = Required("astigmatism_angle"),
                PixelSize = Optional("pixel_size") is { } pixelSize && pixelSize <= 0
                    ? throw new FormatException($"{source}: pixel_size must be positive, got {pixelSize.ToString(CultureInfo.InvariantCulture)}.")
                    : Optional("pixel_size"),
                PhaseShift = Optional("phase_shift"),
                Source = source,
            });
        }

        return entries;
    }

    private static double? Number(object? value, string column, string source) => value switch
    {
        null => null,
        int i => i,
        long l => l,
        double d when double.IsFinite(d) => d,
        _ => throw new FormatException($"{source}: {column} must be a finite number, got '{Convert.ToString(value, CultureInfo.InvariantCulture)}'."),
    };
}
