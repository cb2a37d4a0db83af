using LeopardEm.Programs;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli;

/// <summary>What optimize-template prints: the plan, one line per scored candidate, then the score curve and the
/// optimum.</summary>
internal static class OptimizeSummary
{
    // Plain writes for the lines a log is read for: Spectre would wrap them at 80 columns.
    public static void Before(TextWriter output, OptimizeTemplateJob job)
    {
        var settings = job.Settings;
        var simulator = settings.Simulator;
        var box = settings.ParticleStack.ExtractedBoxSize;
        var threads = Compute.ThreadCount.Resolve(job.Options.Threads);
        output.WriteLine(Invariant(
            $"Optimising the template of {Path.GetFileName(simulator.PdbFilepath)} ({job.AtomCount:N0} atoms, {job.SimulatedAtomCount:N0} simulated, ") +
            Invariant($"{simulator.BoxSize}³ voxels) against {job.Particles.Count} particle(s) from {job.MicrographCount} micrograph(s) in ") +
            Invariant($"{box.Width} x {box.Height} px boxes, on {job.BackendName} with {threads} threads."));
        var coarse = job.CoarsePixelSizes;
        if (coarse.Count > 0)
        {
            output.WriteLine(Invariant(
                $"Pixel size: coarse pass over {coarse.Count} values {PixelSize(coarse[0])}–{PixelSize(coarse[^1])} Å from {PixelSize(simulator.PixelSpacing)} Å") +
                (job.FineCandidateCount > 0 ? Invariant($", then a fine pass of {job.FineCandidateCount} values around the best") : "") +
                Invariant($"; the coarse pass stops after 2 falls in a row, the fine after {job.Options.ConsecutiveThreshold}."));
        }

        if (job.Options.BFactorScan is { } scan)
        {
            output.WriteLine(Invariant(
                $"B-factor: additional_b_factor over {scan.Values().Count} values {scan.Min:G}–{scan.Max:G} Å² at the ") +
                (coarse.Count > 0 ? "optimal pixel size" : Invariant($"pixel size {PixelSize(simulator.PixelSpacing)} Å")) +
                ", stopping after 2 falls in a row.");
        }

        var threshold = job.Options.MinSnr ?? (job.Options.BestN is null ? OptimizeTemplateOptions.DefaultMinSnr : null);
        output.WriteLine(
            "Score: mean refined z-score of " +
            (threshold is { } t ? Invariant($"the particles with z ≥ {t:G} (all when none is)") : "all particles") +
            (job.Options.BestN is { } n ? Invariant($", the best {n} at most") : "") + ".");
    }

    public static void Progress(TextWriter output, TemplateEvaluation e) => output.WriteLine(Invariant(
        $"  {OptimizeTemplateOutcome.StageName(e.Stage),-8} {PixelSize(e.PixelSize),9} Å  added B {e.AdditionalBFactor,5:G} Å²  score {Score(e.Score),8}  ") +
        Invariant($"({e.ParticlesUsed} particle(s))  ") + (e.Seconds > 0 ? Invariant($"{e.Seconds:F1} s") : "scored before"));

    public static void After(IAnsiConsole console, TextWriter output, OptimizeTemplateOutcome outcome)
    {
        var table = new Table().AddColumns("stage", "pixel size (Å)", "added B (Å²)", "score", "particles", "time (s)")
            .Caption("score: mean refined z-score of the particles used; ◀ the optimum");
        foreach (var e in outcome.Curve)
        {
            var optimum = e.PixelSize == outcome.PixelSize && e.AdditionalBFactor == outcome.AdditionalBFactor;
            table.AddRow(
                OptimizeTemplateOutcome.StageName(e.Stage),
                PixelSize(e.PixelSize),
                Invariant($"{e.AdditionalBFactor:G}"),
                Score(e.Score) + (optimum ? " ◀" : ""),
                Invariant($"{e.ParticlesUsed}"),
                Invariant($"{e.Seconds:F1}"));
        }

        console.Write(table);
        output.WriteLine(Invariant($"{outcome.Curve.Count} template(s) scored in {SearchSummary.FormatDuration(outcome.Seconds)}."));
        if (outcome.OptimalPixelSize is { } px)
        {
            output.WriteLine(Invariant($"optimal pixel size: {PixelSize(px)} Å"));
        }

        if (outcome.OptimalBFactor is { } b)
        {
            output.WriteLine(Invariant($"optimal additional B-factor: {b:G} Å²"));
        }

        foreach (var file in outcome.WrittenFiles)
        {
            output.WriteLine($"wrote {file}");
        }
    }

    private static string PixelSize(double value) => Invariant($"{value:0.000###}");

    private static string Score(double value) => double.IsNaN(value) ? "NaN" : Invariant($"{value:F3}");
}
