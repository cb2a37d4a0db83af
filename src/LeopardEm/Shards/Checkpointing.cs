namespace LeopardEm.Shards;

/// <summary>How a long search saves its progress: the partial state is written atomically to <see cref="Path"/> every
/// <see cref="Interval"/> (and when the run is cancelled with
/// at least <see cref="WorthSavingOnCancel"/> of unsaved work), and a rerun of the same search continues from it.</summary>
/// <param name="Path">The checkpoint file.</param>
/// <param name="Interval">How often to write it; zero or less never (the search then runs in one piece).</param>
/// <param name="Restart">Discard an existing checkpoint instead of continuing from it.</param>
public sealed record Checkpointing(string Path, TimeSpan Interval, bool Restart = false)
{
    /// <summary>Leopard's default interval: long enough that writing (a few seconds for a 4096² search) costs little,
    /// short enough that a preempted SLURM task loses little.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    // Below this much unsaved work a cancelled run writes no checkpoint: redoing it costs less than a stray file.
    private static readonly TimeSpan CancelThreshold = TimeSpan.FromSeconds(30);

    /// <summary>How much unsaved search time a cancelled run must hold to save a checkpoint: 30 s, or the interval if
    /// shorter.</summary>
    public TimeSpan WorthSavingOnCancel => Interval < CancelThreshold ? Interval : CancelThreshold;
}
