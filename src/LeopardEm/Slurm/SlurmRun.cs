using System.Globalization;
using System.Text;
using LeopardEm.Datasets;

namespace LeopardEm.Slurm;

/// <summary>
/// A search over micrographs as SLURM jobs: an array job with one task per micrograph x shard, each computing its shard
/// into <c>NAME/parts/shard-K.partial</c> (<see cref="RunLayout"/>) with <c>leopard match-template --shard K/N
/// --partial</c>, and a merge job, submitted to run after the array succeeds, that merges each micrograph's parts into
/// its maps and table and writes the combined table (<c>leopard slurm merge</c>). Tasks are safe to requeue and to
/// rerun: a task whose micrograph is merged or whose partial result exists does nothing, and a stopped task's search
/// continues from the checkpoint it saved.
/// </summary>
public sealed record SlurmRun
{
    /// <summary>Where the run keeps its files.</summary>
    public required RunLayout Layout { get; init; }

    /// <summary>The micrographs' folder names (<see cref="MicrographNames"/>), in array order.</summary>
    public required IReadOnlyList<string> Micrographs { get; init; }

    /// <summary>Shards per micrograph (N).</summary>
    public required int Shards { get; init; }

    /// <summary>How a node starts leopard, as shell text (e.g. <c>'/usr/bin/dotnet' '/opt/leopard/leopard.dll'</c>).</summary>
    public required string LeopardCommand { get; init; }

    /// <summary>What each task asks for.</summary>
    public SlurmResources Resources { get; init; } = new();

    /// <summary>How often a task's search saves its checkpoint.</summary>
    public TimeSpan CheckpointInterval { get; init; } = LeopardEm.Shards.Checkpointing.DefaultInterval;

    /// <summary>More arguments for every task's <c>match-template</c> (the search options that are not the run's own,
    /// e.g. <c>--backend cuda</c>), unquoted.</summary>
    public IReadOnlyList<string> TaskArguments { get; init; } = [];

    /// <summary>More arguments for the merge (e.g. the picking options), unquoted.</summary>
    public IReadOnlyList<string> MergeArguments { get; init; } = [];

    /// <summary>Tasks of the array job (micrographs x shards).</summary>
    public int TaskCount => Micrographs.Count * Shards;

    /// <summary>The array job's script.</summary>
    public string ArrayScript()
    {
        var text = new StringBuilder();
        text.Append("#!/bin/bash\n");
        text.Append("#SBATCH --job-name=leopard-match-template\n");
        text.Append(CultureInfo.InvariantCulture, $"#SBATCH --array=0-{TaskCount - 1}\n");
        text.Append("#SBATCH --requeue\n");
        text.Append("#SBATCH --open-mode=append\n");
        text.Append(CultureInfo.InvariantCulture, $"#SBATCH --output={Layout.Logs}/match-template-%A_%a.out\n");
        text.Append(CultureInfo.InvariantCulture, $"#SBATCH --chdir={Layout.Root}\n");
        foreach (var line in Resources.Directives(search: true))
        {
            text.Append(line).Append('\n');
        }

        var minutes = CheckpointInterval.TotalMinutes.ToString("R", CultureInfo.InvariantCulture);
        text.Append(CultureInfo.InvariantCulture, $"""
            #
            # Written by 'leopard slurm match-template'. Task i computes shard i % {Shards} of micrograph i / {Shards} (0-based,
            # in the order below) into NAME/parts/shard-K.partial; the merge job then writes each micrograph's maps and table.
            # A task whose micrograph is merged, or whose partial result exists, has nothing to do; a requeued or rerun task
            # continues from the checkpoint its search saves every {minutes} minutes and when it is stopped.
            set -u
            shards={Shards}
            micrographs=(

            """);
        foreach (var name in Micrographs)
        {
            text.Append("  ").Append(ShellWords.Quote(name)).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $$"""
            )
            task=${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: it reads SLURM_ARRAY_TASK_ID}
            name=${micrographs[task / shards]}
            shard=$((task % shards))
            folder={{ShellWords.Quote(Layout.Root)}}/$name
            part=$folder/parts/shard-$shard.partial
            if [ -e "$folder/{{RunLayout.ParticlesFileName}}" ] || [ -e "$part" ]; then
              echo "shard $shard of $name is done already"
              exit 0
            fi
            mkdir -p "$folder/parts"
            rm -f "$part.failed"
            echo "job ${SLURM_ARRAY_JOB_ID:-?}_$task on $(hostname) since $(date '+%Y-%m-%d %H:%M:%S')" > "$part.task"
            # A stop (scancel, preemption, the time limit) reaches leopard too, which saves its checkpoint and exits 143;
            # the trap only keeps this shell alive to record it.
            trap 'echo "task stopped by SIGTERM"' TERM
            {{LeopardCommand}} match-template "$folder/{{RunLayout.ConfigFileName}}" --shard "$shard/$shards" --partial "$part" \
              --checkpoint-interval {{minutes}} --threads "${SLURM_CPUS_PER_TASK:-1}"{{Words(TaskArguments)}}
            code=$?
            rm -f "$part.task"
            if [ "$code" -ne 0 ]; then
              echo "exit $code at $(date '+%Y-%m-%d %H:%M:%S'), job ${SLURM_ARRAY_JOB_ID:-?}_$task on $(hostname)" > "$part.failed"
            fi
            exit "$code"

            """);
        return text.ToString();
    }

    /// <summary>The merge job's script (submitted with <c>--dependency=afterok:ARRAY</c>).</summary>
    public string MergeScript()
    {
        var text = new StringBuilder();
        text.Append("#!/bin/bash\n");
        text.Append("#SBATCH --job-name=leopard-merge\n");
        text.Append("#SBATCH --open-mode=append\n");
        text.Append(CultureInfo.InvariantCulture, $"#SBATCH --output={Layout.Logs}/merge-%j.out\n");
        text.Append(CultureInfo.InvariantCulture, $"#SBATCH --chdir={Layout.Root}\n");
        text.Append("#SBATCH --kill-on-invalid-dep=yes\n");
        foreach (var line in Resources.Directives(search: false))
        {
            text.Append(line).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $$"""
            #
            # Written by 'leopard slurm match-template'. Runs after every task of the array job succeeded: merges each
            # micrograph's partial results into its maps and particles.csv (as 'leopard merge'), then writes the combined
            # particles.csv. Micrographs merged before are skipped, so it can be run again by hand after a failure.
            {{LeopardCommand}} slurm merge {{ShellWords.Quote(Layout.Root)}} --threads "${SLURM_CPUS_PER_TASK:-1}"{{Words(MergeArguments)}}

            """);
        return text.ToString();
    }

    private static string Words(IReadOnlyList<string> words) => words.Count == 0 ? "" : " " + ShellWords.Join(words);
}
