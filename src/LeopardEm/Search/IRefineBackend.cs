namespace LeopardEm.Search;

/// <summary>
/// A compute backend of local searches around known particles (refine_template, optimize_template,
/// constrained_search): for each particle, every orientation offset x defocus offset x pixel-size offset at every
/// position of the particle's box, scored as z = (CC − mean)/std with the full search's statistics. Every backend
/// computes the same numbers (to float rounding) and the same tie-breaking (ties to the lowest offset, plane and
/// position), so the same tests run against all of them.
/// </summary>
public interface IRefineBackend
{
    /// <summary>Short name ("cpu (fftw)", "cuda").</summary>
    string Name { get; }

    /// <summary>Refines <paramref name="particleCount"/> particles.</summary>
    /// <param name="search">Offsets and box geometry.</param>
    /// <param name="particleCount">Number of particles.</param>
    /// <param name="targets">Prepares particle i; called once per particle, in order, from the calling thread.</param>
    /// <param name="threads">Worker threads (CPU) or streams; 0 = one per processor.</param>
    /// <param name="progress">Receives correlations done after each chunk of offsets; may be null.</param>
    /// <param name="cancellation">Stops between chunks with <see cref="OperationCanceledException"/>.</param>
    /// <returns>One result per particle, in particle order.</returns>
    IReadOnlyList<ParticleRefinement> Run(
        RefineSearch search, int particleCount, Func<int, RefineTarget> targets, int threads,
        IProgress<SearchProgress>? progress, CancellationToken cancellation);
}
