using System.CommandLine;
using LeopardEm.Datasets;
using LeopardEm.Slurm;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard slurm status DIR</c>: done, running, failed and pending shards of a cluster run, from its files.</summary>
internal static class SlurmStatusCommand
{
    // Micrographs listed one by one at most; the totals count all of them.
    private const int Listed = 50;

    public static Command Create(TextWriter output)
    {
        var folder = new Argument<DirectoryInfo>("run-dir") { Description = "The run folder given to 'leopard slurm match-template --run-dir'." };
        var command = new Command(
            "status",
            "Show where a cluster run stands, from its files alone (works from any machine that sees the folder): per micrograph\n" +
            "its shards done (partial result written), running (task marker: job, node, since when; with the share of the shard\n" +
            "saved in its checkpoint), failed (exit code) and pending, and whether its maps and table are merged.");
        command.Add(folder);
        command.SetAction(parse =>
        {
            Show(new RunLayout(parse.GetRequiredValue(folder).FullName), ConsoleFactory.For(output));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Show(RunLayout layout, IAnsiConsole console)
    {
        var manifest = RunManifest.Read(layout.Manifest);
        var micrographs = RunStatus.Read(layout, [.. manifest.Micrographs.Select(m => m.Name)], manifest.Shards);
        var jobs = manifest.ArrayJobId is { } array ? $"array job {array}, merge job {manifest.MergeJobId}" : "not submitted";
        console.WriteLine(Invariant($"{layout.Root}: {micrographs.Count} micrograph(s) x {manifest.Shards} shard(s); {jobs}."));
        var open = micrographs.Where(m => !m.Merged).ToList();
        if (open.Count > 0)
        {
            var table = new Table().AddColumns("micrograph", "done", "running", "failed", "pending", "details");
            foreach (var micrograph in open.Take(Listed))
            {
                int Count(ShardState state) => micrograph.Shards.Count(s => s.State == state);
                table.AddRow(
                    Markup.Escape(micrograph.Name), Invariant($"{Count(ShardState.Done)}"), Invariant($"{Count(ShardState.Running)}"),
                    Invariant($"{Count(ShardState.Failed)}"), Invariant($"{Count(ShardState.Pending)}"), Markup.Escape(Details(micrograph)));
            }

            console.Write(table);
            if (open.Count > Listed)
            {
                console.WriteLine(Invariant($"... and {open.Count - Listed} more micrograph(s) not merged yet."));
            }
        }

        var shards = micrographs.SelectMany(m => m.Shards).ToList();
        int Total(ShardState state) => shards.Count(s => s.State == state);
        console.WriteLine(Invariant(
            $"shards: {Total(ShardState.Done)} done, {Total(ShardState.Running)} running, {Total(ShardState.Failed)} failed, {Total(ShardState.Pending)} pending of {shards.Count}; ") +
            Invariant($"micrographs: {micrographs.Count(m => m.Merged)} of {micrographs.Count} merged; ") +
            (File.Exists(layout.CombinedParticles) ? $"combined table {layout.CombinedParticles}." : "combined table not written yet."));
        if (Total(ShardState.Failed) > 0)
        {
            console.WriteLine($"Failed tasks: see {layout.Logs}; submitting the same 'leopard slurm match-template' again reruns only unfinished shards.");
        }
    }

    // What the unfinished shards' markers and checkpoints say.
    private static string Details(MicrographStatus micrograph) => string.Join("; ", micrograph.Shards
        .Where(s => s.State != ShardState.Done && (s.Detail is not null || s.Saved is not null))
        .Select(s => Invariant($"shard {s.Shard}: ") + (s.Detail ?? "") + (s.Saved is { } saved ? Invariant($" ({saved:P0} saved)") : "")));
}
