using LeopardEm.Programs;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli;

/// <summary>The paragraphs printed before and after a search: what will be computed and how long it should take, then
/// what was found.</summary>
internal static class SearchSummary
{
    public static void Before(IAnsiConsole console, MatchTemplateJob job, double secondsPerCorrelation)
    {
        var inputs = job.Inputs;
        var space = inputs.Space;
        var estimate = secondsPerCorrelation * job.TotalCorrelations;
        console.WriteLine(
            Invariant($"Searching a {inputs.ImageWidth} x {inputs.ImageHeight} px micrograph with a {inputs.Template.Size}³ template: ") +
            Invariant($"{space.OrientationCount:N0} orientations x {space.DefocusCount} defocus planes x {space.PixelSizeCount} pixel-size planes ") +
            Invariant($"= {job.TotalCorrelations:N0} cross-correlations on {job.BackendName}, {Threads(job)} threads. ") +
            Invariant($"Estimated time {FormatDuration(estimate)} ({1 / secondsPerCorrelation:N0} correlations/s, measured on the first orientations)."));
    }

    public static void After(IAnsiConsole console, MatchTemplateJob job, MatchTemplateOutcome outcome)
    {
        // A merge has no search time of its own.
        var timing = outcome.SearchSeconds > 0
            ? Invariant($" in {FormatDuration(outcome.SearchSeconds)} ({job.TotalCorrelations / outcome.SearchSeconds:N0} correlations/s)")
            : "";
        console.WriteLine(Invariant($"Found {outcome.Peaks.Count} peak(s) with {PickingSummary.Criterion(outcome.Picking)}{timing}."));
        PickingSummary.Particles(console, outcome.Picking, outcome.Particles);

        foreach (var warning in outcome.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        foreach (var file in outcome.WrittenFiles)
        {
            console.WriteLine($"wrote {file}");
        }
    }

    public static string FormatDuration(double seconds) => seconds switch
    {
        < 120 => Invariant($"{seconds:F1} s"),
        < 7200 => Invariant($"{seconds / 60:F1} min"),
        _ => Invariant($"{seconds / 3600:F1} h"),
    };

    private static int Threads(MatchTemplateJob job) =>
        Compute.ThreadCount.Resolve(job.Options.Threads);
}
