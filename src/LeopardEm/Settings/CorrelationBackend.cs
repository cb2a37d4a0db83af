namespace LeopardEm.Settings;

/// <summary>How cross-correlations are scheduled (YAML <c>computational_config.backend</c>); both compute the same
/// numbers.</summary>
public enum CorrelationBackend
{
    /// <summary><c>streamed</c>: one correlation per stream, <c>num_cpus</c> streams per device (default).</summary>
    Streamed,

    /// <summary><c>batched</c>: all correlations of a batch in one batched FFT.</summary>
    Batched,
}
