using LeopardEm.Orientations;
using LeopardEm.Programs;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli;

/// <summary>The paragraphs printed before and after a refinement: what will be computed and how long it should take,
/// then how each particle moved and how its score changed.</summary>
internal static class RefineSummary
{
    private const int TableRows = 20;

    public static void Before(IAnsiConsole console, RefineTemplateJob job, double secondsPerCorrelation)
    {
        var search = job.Search;
        var grid = search.Offsets.Convention == LocalGridConvention.Leopard ? "Leopard-EM's" : "symmetric";
        var threads = Compute.ThreadCount.Resolve(job.Options.Threads);
        var estimate = secondsPerCorrelation * job.TotalCorrelations;
        console.WriteLine(
            Invariant($"Refining {job.Particles.Count} particle(s) from {job.MicrographCount} micrograph(s) in {search.BoxWidth} x {search.BoxHeight} px boxes ") +
            Invariant($"around a {search.Template.Size}³ template ({search.CropWidth} x {search.CropHeight} positions): ") +
            Invariant($"{search.Offsets.Count:N0} orientation offsets ({grid} grid) x {search.DefocusOffsets.Count} defocus x {search.PixelSizeOffsets.Count} pixel-size values ") +
            Invariant($"= {search.CorrelationsPerParticle:N0} cross-correlations per particle, {job.TotalCorrelations:N0} in all on {job.BackendName}, {threads} threads. ") +
            (secondsPerCorrelation > 0
                ? Invariant($"Estimated time {SearchSummary.FormatDuration(estimate)} ({1 / secondsPerCorrelation:N0} correlations/s from a warm-up).")
                : ""));
    }

    public static void After(IAnsiConsole console, RefineTemplateJob job, RefineTemplateOutcome outcome)
    {
        var particles = outcome.Particles;
        console.WriteLine(
            Invariant($"Refined {particles.Count} particle(s) in {SearchSummary.FormatDuration(outcome.SearchSeconds)} ") +
            Invariant($"({job.TotalCorrelations / Math.Max(outcome.SearchSeconds, 1e-9):N0} correlations/s)."));
        if (particles.Count > 0)
        {
            var improved = particles.Count(p => p.Refinement.ZScore > p.Source.ZScore);
            console.WriteLine(Invariant($"The z-score rose for {improved} of {particles.Count}."));
            var table = new Table().AddColumns("#", "x", "y", "z-score", "MIP", "turned (°)", "relative defocus (Å)", "shift (px)")
                .Caption("x, y: refined particle centre, pixels; turned: angle between the old and new orientation");
            foreach (var p in particles.Take(TableRows))
            {
                var (source, r) = (p.Source, p.Refinement);
                table.AddRow(
                    Invariant($"{source.Row}"),
                    Invariant($"{p.CentreX}"),
                    Invariant($"{p.CentreY}"),
                    Invariant($"{source.ZScore:F2} → {r.ZScore:F2}"),
                    Invariant($"{source.Mip:F2} → {r.CrossCorrelation:F2}"),
                    Invariant($"{source.Orientation.ToMatrix().AngleTo(r.Orientation.ToMatrix()):F2}"),
                    Invariant($"{source.RelativeDefocus:F0} → {p.RelativeDefocus:F0}"),
                    Invariant($"({r.ShiftX}, {r.ShiftY})"));
            }

            console.Write(table);
            if (particles.Count > TableRows)
            {
                console.WriteLine($"... and {particles.Count - TableRows} more.");
            }
        }

        foreach (var file in outcome.WrittenFiles)
        {
            console.WriteLine($"wrote {file}");
        }
    }
}
