namespace LeopardEm.Slurm;

/// <summary>What each task of a cluster run asks SLURM for (<c>#SBATCH</c> lines); null leaves a setting to the
/// cluster's defaults.</summary>
public sealed record SlurmResources
{
    /// <summary><c>--partition</c>.</summary>
    public string? Partition { get; init; }

    /// <summary><c>--time</c>, in SLURM's syntax (<see cref="SlurmTime"/>).</summary>
    public string? Time { get; init; }

    /// <summary><c>--cpus-per-task</c>: also the threads each task's search uses.</summary>
    public int CpusPerTask { get; init; } = 1;

    /// <summary><c>--mem</c> (e.g. <c>8G</c>).</summary>
    public string? Memory { get; init; }

    /// <summary><c>--gres</c> (e.g. <c>gpu:1</c>); asked for by the search tasks only, not by the merge job.</summary>
    public string? Gres { get; init; }

    /// <summary><c>--account</c>.</summary>
    public string? Account { get; init; }

    /// <summary>The <c>#SBATCH</c> lines of these resources (without <c>--gres</c> for the merge job).</summary>
    public IEnumerable<string> Directives(bool search)
    {
        yield return FormattableString.Invariant($"#SBATCH --cpus-per-task={CpusPerTask}");
        foreach (var (name, value) in new[]
                 {
                     ("partition", Partition), ("time", Time), ("mem", Memory), ("gres", search ? Gres : null), ("account", Account),
                 })
        {
            if (value is not null)
            {
                yield return $"#SBATCH --{name}={value}";
            }
        }
    }
}
