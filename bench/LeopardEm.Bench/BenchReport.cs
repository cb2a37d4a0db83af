using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LeopardEm.Bench;

/// <summary>The results table (console, Markdown-compatible), the JSON file and the check of the targets.</summary>
internal static class BenchReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The table header and separator.</summary>
    public static string Header =>
        "| size | backend | threads | engine | cc/s | s/cc | floor s/cc | ratio to floor | CPU-time ratio | fixed cost k | peak RSS | alloc/cc | managed/fftw floor |\n"
        + "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    /// <summary>One table line.</summary>
    public static string Line(BenchRow row) => string.Format(
        Invariant,
        "| {0} | {12} | {1} | {2} | {3:F2} | {4:F4} | {5:F4} | {6:F2} | {11} | {7:F2} s | {8:F2} GB | {9:F0} B | {10} |",
        row.Size, row.Threads, row.Engine, row.CorrelationsPerSecond, row.SecondsPerCorrelation, row.FloorSeconds,
        row.RatioToFloor, row.FixedCostSeconds, row.PeakResidentBytes / 1e9, row.AllocatedBytesPerCorrelation,
        row.ManagedToFftwFloor is { } m ? m.ToString("F2", Invariant) + "x" : "-",
        row.CpuRatioToFloor is { } cpu ? cpu.ToString("F2", Invariant) : "-", row.Backend);

    /// <summary>The targets of the (CPU) performance issue that these rows can decide, one line each.</summary>
    public static IEnumerable<string> Targets(IReadOnlyList<BenchRow> rows)
    {
        rows = [.. rows.Where(r => r.Backend == "cpu")];
        foreach (var row in rows.Where(r => r.Width == r.Height && r.Width is 2048 or 4096))
        {
            yield return Verdict(row.RatioToFloor <= 1.2, $"{row.Size}, {row.Threads} threads: s/cc = {row.RatioToFloor:F2} x floor (target ≤ 1.2)");
        }

        foreach (var row in rows.Where(r => r.Width == r.Height && r.Width is >= 1024 and <= 4096 && r.ManagedToFftwFloor is not null))
        {
            yield return Verdict(row.ManagedToFftwFloor <= 3, $"{row.Size}: managed floor = {row.ManagedToFftwFloor:F2} x FFTW floor (target ≤ 3)");
        }

        var square = rows.FirstOrDefault(r => r.Width == 4096 && r.Height == 4096);
        foreach (var k3 in rows.Where(r => r.Width == 5760 && r.Height == 4092))
        {
            if (square is not null)
            {
                var perPixel = k3.SecondsPerMegapixel / square.SecondsPerMegapixel;
                yield return Verdict(perPixel <= 1.6, $"{k3.Size}: s/cc per pixel = {perPixel:F2} x 4096² (target ≤ 1.6)");
            }
        }
    }

    /// <summary>Writes the rows, the options and the machine to <paramref name="path"/>.</summary>
    public static void WriteJson(string path, BenchOptions options, IReadOnlyList<BenchRow> rows)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var document = new
        {
            machine = new { processors = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
            options = new { options.Backend, options.Device, options.EffectiveBatchSize, options.Threads, options.Template, options.Defocus, options.ShortRun, options.LongRun, options.Repeats, options.FloorIterations },
            rows,
            targets = Targets(rows).ToArray(),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }), new UTF8Encoding(false));
    }

    private static string Verdict(bool met, string text) => (met ? "met:     " : "NOT met: ") + text;
}
