using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LeopardEm.Cli.Runs;
using LeopardEm.Compute;
using LeopardEm.Config;
using LeopardEm.Datasets;
using LeopardEm.Io;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Shards;
using LeopardEm.Slurm;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard slurm match-template CONFIG --run-dir DIR</c>: writes the run's configurations and job scripts
/// and submits the array job and its merge job.</summary>
internal static class SlurmSubmitCommand
{
    // SLURM's default MaxArraySize is 1001 (tasks 0-1000).
    private const int DefaultMaxArrayTasks = 1001;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Argument<FileInfo>("config") { Description = "Leopard-EM match_template YAML (relative paths from the current directory)." };
        var micrographs = new MicrographsOptionSet(runDirectoryRequired: true);
        var shards = NumberOptions.OptionalWhole(
            "--shards", "Shards per micrograph: array tasks that each search 1/N of its correlations. Default 1, or with --time and no " +
            "--shards the fewest whose tasks fit the time limit (from a short calibration on this machine).", n => n >= 1, "1 or more");
        var partition = Text("--partition", "SLURM partition (#SBATCH --partition).");
        var time = SlurmCommand.TimeOption(
            "Time limit of each task (#SBATCH --time), e.g. 90, 1:30:00, 1-00. Without --shards it also chooses the shards.");
        var cpus = NumberOptions.Whole(
            "--cpus-per-task", "CPUs of each task (#SBATCH --cpus-per-task), also its search threads. Default 1.", n => n >= 1, "1 or more", 1);
        var memory = Text("--mem", "Memory of each task (#SBATCH --mem), e.g. 16G; see 'leopard plan' for what a search needs.");
        var gres = Text("--gres", "Generic resources of each search task (#SBATCH --gres), e.g. gpu:1.");
        var account = Text("--account", "SLURM account (#SBATCH --account).");
        var interval = NumberOptions.Real(
            "--checkpoint-interval", "Minutes between a task's checkpoints (a requeued task continues from its last). Default 5.",
            v => v > 0, "more than 0 minutes", Checkpointing.DefaultInterval.TotalMinutes);
        var keepParts = new Option<bool>("--keep-parts")
        {
            Description = "Keep each micrograph's partial results after the merge (by default they are deleted once its maps are written).",
        };
        var leopard = Text(
            "--leopard-command",
            "How the nodes start leopard, as shell text (default: the command running now, e.g. 'dotnet /path/leopard.dll').");
        var dryRun = new Option<bool>("--dry-run") { Description = "Write the configurations and scripts but do not submit them." };
        var search = new SearchOptionSet();
        var command = new Command(
            "match-template",
            "Write a SLURM array job (one task per micrograph x shard, each 'leopard match-template --shard K/N --partial') and a merge\n" +
            "job that runs after it succeeds ('leopard slurm merge': each micrograph's maps and particles.csv, then the combined\n" +
            "particles.csv), submit both with sbatch and print their job ids. Tasks are --requeue-safe: a requeued task continues\n" +
            "from its checkpoint, and one whose shard is done exits at once, so submitting the same command again resumes a run.\n" +
            "Other match-template options (e.g. --backend, --false-positives) are passed on to the tasks and the merge.\n\n" +
            "Example:\n  leopard slurm match-template config.yaml --micrographs micrographs_ctf.star --run-dir run --time 4:00:00 --cpus-per-task 8 --mem 16G");
        command.Add(config);
        micrographs.AddTo(command);
        Option[] own = [shards, partition, time, cpus, memory, gres, account, interval, keepParts, leopard, dryRun];
        foreach (var option in own)
        {
            command.Add(option);
        }

        search.AddTo(command);
        SlurmCommand.Refuse(
            command, ["--threads", "--output-csv", "--plots", "--coords", "--full-size-maps"],
            "a cluster run writes each micrograph's maps and particles.csv to its folder in --run-dir, and its tasks use --cpus-per-task threads.");
        command.SetAction((parse, cancellation) =>
        {
            var forwarded = Forwarded(parse.CommandResult, [.. own, micrographs.Micrographs, micrographs.RunDirectory]);
            var request = new Request(
                parse.GetRequiredValue(config).FullName, micrographs.Table(parse), micrographs.Root(parse)!, parse.GetValue(shards),
                new SlurmResources
                {
                    Partition = parse.GetValue(partition),
                    Time = parse.GetValue(time),
                    CpusPerTask = parse.GetValue(cpus),
                    Memory = parse.GetValue(memory),
                    Gres = parse.GetValue(gres),
                    Account = parse.GetValue(account),
                },
                TimeSpan.FromMinutes(parse.GetValue(interval)), parse.GetValue(keepParts), parse.GetValue(leopard), parse.GetValue(dryRun),
                forwarded, search.Read(parse) with { Threads = parse.GetValue(cpus) }, search.Compute.Backend(parse));
            return CancellableRun.Start(error, cancellation, () => Execute(request, ConsoleFactory.For(output)));
        });
        return command;
    }

    private sealed record Request(
        string Config, string? Table, string Root, int? Shards, SlurmResources Resources, TimeSpan CheckpointInterval, bool KeepParts,
        string? LeopardCommand, bool DryRun, IReadOnlyList<OptionResult> Forwarded, MatchTemplateOptions Options,
        Func<GpuIds, ComputeBackend> Backend);

    private static int Execute(Request request, IAnsiConsole console)
    {
        var loaded = MatchTemplateConfig.Load(request.Config);
        foreach (var warning in loaded.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning.Message}");
        }

        var layout = new RunLayout(request.Root);
        var items = RunItems.Of(loaded.Settings, request.Table, layout);
        var previous = File.Exists(layout.Manifest) ? RunManifest.Read(layout.Manifest) : null;
        var pending = items.Where(i => !MicrographConfigs.IsComplete(layout, i)).ToList();
        var shards = Shards(request, previous, pending.Count > 0 ? pending[0] : items[0], loaded.Settings, console);
        CheckParts(layout, pending, previous, shards);
        foreach (var item in items)
        {
            MicrographConfigs.Write(layout, item);
        }

        var run = new SlurmRun
        {
            Layout = layout,
            Micrographs = [.. pending.Select(i => i.Name)],
            Shards = shards,
            LeopardCommand = request.LeopardCommand ?? LeopardCommandLine.Current(),
            Resources = request.Resources,
            CheckpointInterval = request.CheckpointInterval,
            TaskArguments = Words(request.Forwarded),
            MergeArguments = [.. Words(request.Forwarded.Where(o => o.Option.Name != "--backend")), .. request.KeepParts ? ["--keep-parts"] : Array.Empty<string>()],
        };
        var manifest = new RunManifest
        {
            Config = request.Config,
            MicrographTable = request.Table,
            Shards = shards,
            LeopardCommand = run.LeopardCommand,
            Micrographs = [.. items.Select(i => new RunMicrograph(i.Name, i.Settings.MicrographPath))],
        };
        Directory.CreateDirectory(layout.Logs);
        manifest.Write(layout.Manifest);
        if (pending.Count == 0)
        {
            console.WriteLine($"Every micrograph of {layout.Root} is merged already; nothing to submit ('leopard slurm merge {layout.Root}' rewrites the combined table).");
            return ExitCodes.Success;
        }

        AtomicFileWriter.Write(layout.ArrayScript, overwrite: true, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(run.ArrayScript())));
        AtomicFileWriter.Write(layout.MergeScript, overwrite: true, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(run.MergeScript())));
        console.WriteLine(Invariant(
            $"{pending.Count} micrograph(s) x {shards} shard(s) = {run.TaskCount} task(s) of {request.Resources.CpusPerTask} CPU(s)") +
            (items.Count > pending.Count ? Invariant($" ({items.Count - pending.Count} micrograph(s) merged before are left out)") : "") + ".");
        console.WriteLine($"wrote {layout.ArrayScript}, {layout.MergeScript} and {items.Count} configuration(s) ({layout.Root}/NAME/{RunLayout.ConfigFileName})");
        if (run.TaskCount > DefaultMaxArrayTasks)
        {
            console.MarkupLineInterpolated(
                $"[yellow]warning:[/] {run.TaskCount} array tasks exceed SLURM's default MaxArraySize ({DefaultMaxArrayTasks}); sbatch refuses the array where the cluster keeps that default (use fewer --shards, or split the table).");
        }

        if (request.DryRun)
        {
            console.WriteLine("Not submitted (--dry-run). To submit:");
            console.WriteLine($"  sbatch --parsable {layout.ArrayScript}");
            console.WriteLine($"  sbatch --dependency=afterok:ARRAY_JOB_ID {layout.MergeScript}");
            return ExitCodes.Success;
        }

        var arrayJob = Sbatch.Submit(layout.ArrayScript, null);
        var mergeJob = Sbatch.Submit(layout.MergeScript, arrayJob);
        (manifest with { ArrayJobId = arrayJob, MergeJobId = mergeJob }).Write(layout.Manifest);
        console.WriteLine(Invariant($"submitted array job {arrayJob} (tasks 0-{run.TaskCount - 1}) and merge job {mergeJob} (after {arrayJob} succeeds)"));
        console.WriteLine($"follow it with: leopard slurm status {layout.Root}");
        return ExitCodes.Success;
    }

    // --shards, else the shards of the run's earlier submission (its parts are split so), else the fewest that fit
    // --time, else 1.
    private static int Shards(Request request, RunManifest? previous, RunItem first, MatchTemplateSettings settings, IAnsiConsole console)
    {
        var shards = request.Shards ?? previous?.Shards;
        if (shards is null && request.Resources.Time is { } time)
        {
            console.WriteLine(Invariant($"Calibrating on {first.Name} with {request.Resources.CpusPerTask} thread(s) to choose the shards for --time {time}..."));
            var calibration = Calibration.Measure(first, request.Options, request.Backend);
            var plan = calibration.Plan;
            shards = plan.ShardsToFit(SlurmTime.Parse(time));
            console.WriteLine(Invariant(
                $"{plan.Correlations:N0} correlations per micrograph at {plan.SecondsPerCorrelation:G3} s each on this machine, {plan.SetupSeconds:F1} s set-up: ") +
                Invariant($"{shards} shard(s) per micrograph, each task about {SearchSummary.FormatDuration(plan.TaskSeconds(shards.Value))} ") +
                Invariant($"({ShardPlan.Margin * 100:F0} % of the limit at most; nodes slower than this machine need a longer --time)."));
        }

        var total = SearchBudget.CorrelationsPerPixel(settings);
        if ((shards ?? 1) > total)
        {
            throw new ArgumentException(Invariant($"--shards {shards}: the search has only {total:N0} correlations per micrograph."));
        }

        return shards ?? 1;
    }

    // Parts of an earlier submission with another number of shards would never fit the new ones.
    private static void CheckParts(RunLayout layout, IReadOnlyList<RunItem> pending, RunManifest? previous, int shards)
    {
        if (previous is null || previous.Shards == shards)
        {
            return;
        }

        var split = pending.FirstOrDefault(i => Directory.Exists(layout.Parts(i.Name)) && Directory.EnumerateFileSystemEntries(layout.Parts(i.Name)).Any());
        if (split is not null)
        {
            throw new IOException(Invariant(
                $"{layout.Root} was submitted with {previous.Shards} shard(s) per micrograph, and {layout.Parts(split.Name)} holds its partial results; ") +
                Invariant($"submit again with --shards {previous.Shards}, or delete the parts folders to split the search in {shards}."));
        }
    }

    // The search options given on the command line that are not the run's own, as words for the tasks' command lines.
    private static IReadOnlyList<OptionResult> Forwarded(CommandResult result, IReadOnlyList<Option> own) =>
        [.. SlurmCommand.Given(result).Where(o => !own.Contains(o.Option))];

    private static IReadOnlyList<string> Words(IEnumerable<OptionResult> options) =>
        [.. options.SelectMany(o => new[] { o.IdentifierToken?.Value ?? o.Option.Name }.Concat(o.Tokens.Select(t => t.Value)))];

    private static Option<string?> Text(string name, string description) => new(name) { Description = description };
}
