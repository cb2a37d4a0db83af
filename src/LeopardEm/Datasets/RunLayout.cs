namespace LeopardEm.Datasets;

/// <summary>
/// Where a run over micrographs keeps its files, under one folder: per micrograph
/// <c>NAME/config.yaml</c> (the configuration of that micrograph alone), its maps and <c>NAME/particles.csv</c>, and
/// for a split search <c>NAME/parts/shard-K.partial</c> with its checkpoint (<c>.checkpoint</c>) and task markers
/// (<c>.task</c> while a task runs, <c>.failed</c> after one failed); for the whole run <c>particles.csv</c> (every
/// micrograph's particles with a <c>micrograph</c> column) and, for a cluster run, <c>slurm/</c> (scripts, logs and
/// <c>run.json</c>).
/// </summary>
/// <param name="root">The run folder (absolute).</param>
public sealed class RunLayout(string root)
{
    /// <summary>Names used by the run itself, never given to a micrograph.</summary>
    public static readonly IReadOnlyList<string> ReservedNames = ["slurm", "particles.csv", "particles"];

    /// <summary>The name of each micrograph's configuration file.</summary>
    public const string ConfigFileName = "config.yaml";

    /// <summary>The name of each micrograph's particle table (and of the combined table).</summary>
    public const string ParticlesFileName = "particles.csv";

    /// <summary>The run folder.</summary>
    public string Root { get; } = Path.GetFullPath(root ?? throw new ArgumentNullException(nameof(root)));

    /// <summary>The combined particle table.</summary>
    public string CombinedParticles => Path.Combine(Root, ParticlesFileName);

    /// <summary>The folder of the SLURM scripts, logs and manifest.</summary>
    public string SlurmFolder => Path.Combine(Root, "slurm");

    /// <summary>The manifest of a cluster run (<c>Slurm.RunManifest</c>).</summary>
    public string Manifest => Path.Combine(SlurmFolder, "run.json");

    /// <summary>The array job's script.</summary>
    public string ArrayScript => Path.Combine(SlurmFolder, "match-template.sbatch");

    /// <summary>The merge job's script.</summary>
    public string MergeScript => Path.Combine(SlurmFolder, "merge.sbatch");

    /// <summary>The folder of the jobs' logs.</summary>
    public string Logs => Path.Combine(SlurmFolder, "logs");

    /// <summary>The folder of micrograph <paramref name="name"/>.</summary>
    public string Folder(string name) => Path.Combine(Root, name);

    /// <summary>The configuration of micrograph <paramref name="name"/>.</summary>
    public string Config(string name) => Path.Combine(Folder(name), ConfigFileName);

    /// <summary>The particle table of micrograph <paramref name="name"/>.</summary>
    public string Particles(string name) => Path.Combine(Folder(name), ParticlesFileName);

    /// <summary>The folder of the partial results of micrograph <paramref name="name"/>.</summary>
    public string Parts(string name) => Path.Combine(Folder(name), "parts");

    /// <summary>The partial result of shard <paramref name="shard"/> of micrograph <paramref name="name"/>.</summary>
    public string Part(string name, int shard) => Path.Combine(Parts(name), FormattableString.Invariant($"shard-{shard}.partial"));

    /// <summary>The checkpoint of a shard's task (beside its partial result, as <c>match-template --partial</c> keeps it).</summary>
    public static string CheckpointOf(string part) => part + ".checkpoint";

    /// <summary>The marker a shard's task writes while it runs (job, host, start).</summary>
    public static string TaskMarkerOf(string part) => part + ".task";

    /// <summary>The marker a shard's task leaves when it fails (exit code, time).</summary>
    public static string FailedMarkerOf(string part) => part + ".failed";
}
