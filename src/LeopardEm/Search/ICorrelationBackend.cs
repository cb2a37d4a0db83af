namespace LeopardEm.Search;

/// <summary>
/// A compute backend of the 2DTM search: correlates every (orientation, defocus, pixel size) of a range of the search
/// space with the micrograph and accumulates the per-pixel statistics. Every backend computes the same numbers (to
/// float rounding) and the same tie-breaking, so the same tests run against all of them.
/// </summary>
public interface ICorrelationBackend
{
    /// <summary>Short name ("cpu", "cuda").</summary>
    string Name { get; }

    /// <summary>Runs the orientations selected by <paramref name="options"/> and returns their statistics over the
    /// inputs' statistics region.</summary>
    /// <param name="inputs">Prepared search inputs.</param>
    /// <param name="options">Threads, batch size and orientation range.</param>
    /// <param name="progress">Receives progress after each finished batch; may be null.</param>
    /// <param name="cancellation">Stops the run between batches with <see cref="OperationCanceledException"/>.</param>
    SearchStatistics Run(SearchInputs inputs, SearchRunOptions options, IProgress<SearchProgress>? progress, CancellationToken cancellation);
}
