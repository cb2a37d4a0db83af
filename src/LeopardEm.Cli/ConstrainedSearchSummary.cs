using LeopardEm.Programs;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli;

/// <summary>The paragraphs printed before and after a constrained search: the search space and its threshold, then the
/// particles found above it.</summary>
internal static class ConstrainedSearchSummary
{
    private const int TableRows = 20;

    public static void Before(IAnsiConsole console, ConstrainedSearchJob job)
    {
        var search = job.Search;
        var threshold = job.Threshold;
        var threads = Compute.ThreadCount.Resolve(job.Options.Threads);
        var depths = job.Depths;
        console.WriteLine(
            Invariant($"Searching the constrained particle next to {job.Reference.Count} reference particle(s) from {job.MicrographCount} micrograph(s) ") +
            Invariant($"in {search.BoxWidth} x {search.BoxHeight} px boxes around a {search.Template.Size}³ template ({search.CropWidth} x {search.CropHeight} positions): ") +
            Invariant($"{job.Offsets.Count:N0} relative orientations x {search.DefocusOffsets.Count} defocus values = {search.CorrelationsPerParticle:N0} ") +
            Invariant($"cross-correlations per particle, {job.TotalCorrelations:N0} in all on {job.BackendName}, {threads} threads.") +
            (depths.Count > 0 ? Invariant($" Depth of the constrained particle from center_vector: {depths.Min():F1} to {depths.Max():F1} Å.") : ""));
        console.WriteLine(
            Invariant($"Threshold z > {threshold.ZScore:F3}: {threshold.FalsePositives:G4} expected false positive(s) per particle over ") +
            Invariant($"{threshold.Projections:N0} projections x {threshold.Positions:N0} positions."));
    }

    public static void After(IAnsiConsole console, ConstrainedSearchJob job, ConstrainedSearchOutcome outcome)
    {
        var above = outcome.AboveThreshold;
        console.WriteLine(
            Invariant($"Searched {outcome.Particles.Count} particle(s) in {SearchSummary.FormatDuration(outcome.SearchSeconds)} ") +
            Invariant($"({job.TotalCorrelations / Math.Max(outcome.SearchSeconds, 1e-9):N0} correlations/s); ") +
            Invariant($"{above.Count} above z = {outcome.Threshold.ZScore:F3}."));
        if (above.Count > 0)
        {
            var table = new Table().AddColumns("#", "x", "y", "z-score", "MIP", "offset φ/θ/ψ (°)", "defocus (Å)", "shift (px)")
                .Caption("#: reference particle; x, y: centre, pixels; offset: raw relative orientation; defocus: relative, incl. depth");
            foreach (var p in above.Take(TableRows))
            {
                var found = p.Found;
                var (offset, r) = (p.RawOffset, p.Refinement);
                table.AddRow(
                    Invariant($"{p.Reference.Row}"),
                    Invariant($"{found.CentreX}"),
                    Invariant($"{found.CentreY}"),
                    Invariant($"{r.ZScore:F2}"),
                    Invariant($"{r.CrossCorrelation:F2}"),
                    Invariant($"{offset.Phi:0.#}/{offset.Theta:0.#}/{offset.Psi:0.#}"),
                    Invariant($"{found.RelativeDefocus:F0}"),
                    Invariant($"({r.ShiftX}, {r.ShiftY})"));
            }

            console.Write(table);
            if (above.Count > TableRows)
            {
                console.WriteLine($"... and {above.Count - TableRows} more.");
            }
        }

        foreach (var file in outcome.WrittenFiles)
        {
            console.WriteLine($"wrote {file}");
        }
    }
}
