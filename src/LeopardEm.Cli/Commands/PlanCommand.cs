using System.CommandLine;
using LeopardEm.Cli.Runs;
using LeopardEm.Config;
using LeopardEm.Datasets;
using LeopardEm.Programs;
using LeopardEm.Slurm;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard plan CONFIG [--micrographs TABLE]</c>: what a search (or a dataset of them) will cost, before
/// spending it: correlations, memory, a measured speed on this machine and the wall time with N shards.</summary>
internal static class PlanCommand
{
    private static readonly int[] ShardCounts = [1, 2, 4, 8, 16, 32];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Argument<FileInfo>("config") { Description = "Leopard-EM match_template YAML (relative paths from the current directory)." };
        var micrographs = new Option<FileInfo?>("--micrographs")
        {
            Description = "Plan for every micrograph of this table (CSV or RELION micrographs_ctf.star, as match-template --micrographs); the first one is calibrated.",
            HelpName = "TABLE",
        };
        var shards = NumberOptions.OptionalWhole("--shards", "Also show this number of shards per micrograph.", n => n >= 1, "1 or more");
        var time = SlurmCommand.TimeOption("Also show the fewest shards whose tasks fit this SLURM time limit (e.g. 90, 2:00:00, 1-00).");
        var compute = new ComputeOptionSet();
        var command = new Command(
            "plan",
            "Plan a search before spending it: the cross-correlations per micrograph and in all, the memory of a search (shared and\n" +
            "per worker thread), the seconds per correlation measured on this machine (a few seconds on the first orientations,\n" +
            "with --threads), and the expected wall time here and with N shards per micrograph (tasks like this machine).\n" +
            "Nothing is written.\n\nExample:\n  leopard plan config.yaml --micrographs micrographs_ctf.star --threads 8 --time 4:00:00");
        command.Add(config);
        command.Add(micrographs);
        command.Add(shards);
        command.Add(time);
        compute.AddTo(command);
        command.SetAction((parse, cancellation) =>
        {
            var options = new MatchTemplateOptions { Threads = compute.Threads(parse), SliceConvention = compute.SliceConvention(parse) };
            var backend = compute.Backend(parse);
            var configPath = parse.GetRequiredValue(config).FullName;
            var table = parse.GetValue(micrographs)?.FullName;
            var limit = parse.GetValue(time) is { } text ? (Text: text, Limit: SlurmTime.Parse(text)) : ((string Text, TimeSpan Limit)?)null;
            var extra = parse.GetValue(shards);
            return CancellableRun.Start(error, cancellation, () =>
            {
                var console = ConsoleFactory.For(output);
                var loaded = MatchTemplateConfig.Load(configPath);
                var items = RunItems.Of(loaded.Settings, table, new RunLayout(Path.GetTempPath()));
                console.WriteLine(table is null
                    ? $"Plan for {configPath} (its micrograph {items[0].Settings.MicrographPath})."
                    : Invariant($"Plan for {configPath} over {items.Count} micrograph(s) of {table}; calibrated on the first, {items[0].Name}."));
                var calibration = Calibration.Measure(items[0], options, backend);
                Print(console, calibration, items.Count, limit, extra);
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static void Print(IAnsiConsole console, Calibration calibration, int micrographs, (string Text, TimeSpan Limit)? limit, int? extra)
    {
        var (plan, memory, job, threads) = (calibration.Plan, calibration.Memory, calibration.Job, calibration.Threads);
        console.WriteLine(Invariant(
            $"Search per micrograph: {job.Width} x {job.Height} px with a {job.TemplateSize}³ template; {job.Orientations:N0} orientations x ") +
            Invariant($"{job.DefocusPlanes} defocus planes x {job.PixelSizePlanes} pixel-size planes = {plan.Correlations:N0} cross-correlations") +
            (micrographs > 1 ? Invariant($"; {plan.Correlations * micrographs:N0} for the {micrographs} micrographs.") : "."));
        console.WriteLine(Invariant(
            $"Memory: {Gigabytes(memory.SharedBytes)} shared + {Gigabytes(memory.PerWorkerBytes)} per worker thread; {Gigabytes(memory.TotalBytes)} ") +
            Invariant($"for a search with {threads} thread(s) (ask for more per task: the runtime and the file cache need some)."));
        console.WriteLine(Invariant(
            $"Measured here: {plan.SecondsPerCorrelation:G3} s per correlation with {threads} thread(s) on {job.Backend} ({1 / plan.SecondsPerCorrelation:N1}/s); ") +
            Invariant($"{plan.SetupSeconds:F1} s to read, preprocess and calibrate before a search."));
        var one = plan.TaskSeconds(1);
        console.WriteLine(Invariant(
            $"This machine, one micrograph after another: {SearchSummary.FormatDuration(one * micrographs)}") +
            (micrographs > 1 ? Invariant($" ({SearchSummary.FormatDuration(one)} each).") : "."));

        var counts = ShardCounts.Concat(extra is { } n ? [n] : []).ToList();
        int? fitting = null;
        if (limit is { } l)
        {
            fitting = plan.ShardsToFit(l.Limit);
            counts.Add(fitting.Value);
        }

        var table = new Table().AddColumns("shards per micrograph", "tasks", "each task (the wall time when all run at once)", "task-hours in all");
        foreach (var shards in counts.Where(c => c <= plan.Correlations).Distinct().Order())
        {
            var tasks = (long)shards * micrographs;
            table.AddRow(
                Invariant($"{shards}") + (shards == fitting ? Invariant($" (fits --time {limit!.Value.Text})") : ""),
                Invariant($"{tasks:N0}"),
                SearchSummary.FormatDuration(plan.TaskSeconds(shards)),
                Invariant($"{plan.TotalTaskSeconds(shards) * micrographs / 3600:F2}"));
        }

        console.WriteLine(Invariant($"With N shards per micrograph, each task on {threads} CPU(s) of a node like this one:"));
        console.Write(table);
        console.WriteLine(
            "Wall time assumes a free cluster (every task running at once) and leaves out queueing and the merge job " +
            "(about one set-up per micrograph); a task's set-up is paid once per shard. See docs/programs/distributed.md.");
    }

    private static string Gigabytes(long bytes) => Invariant($"{bytes / 1e9:F2} GB");
}
