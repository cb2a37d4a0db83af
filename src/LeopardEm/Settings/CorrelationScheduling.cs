namespace LeopardEm.Settings;

/// <summary>How cross-correlations are scheduled on a device (YAML <c>computational_config.backend</c>), not which compute
/// backend runs them (see <see cref="LeopardEm.Search.ICorrelationBackend"/>); both schedules compute the same
/// numbers.</summary>
public enum CorrelationScheduling
{
    /// <summary><c>streamed</c>: one correlation per stream, <c>num_cpus</c> streams per device (default).</summary>
    Streamed,

    /// <summary><c>batched</c>: all correlations of a batch in one batched FFT.</summary>
    Batched,
}
