using LeopardEm.Fft;

namespace LeopardEm.Search;

/// <summary>
/// Runs local refinements on the CPU (spec §3.3): particles one after another, each particle's orientation offsets
/// split over worker threads. Per particle, every (orientation offset, defocus offset, pixel-size offset) template is
/// correlated with the particle box and scored at every crop position against the full search's mean and standard
/// deviation; the best z-score wins (ties to the lowest offset, plane and position), so results do not depend on the
/// thread count.
/// </summary>
public sealed class CpuRefineBackend : IRefineBackend
{
    private readonly IFftEngine _fft;

    /// <summary>Creates the backend on an FFT engine (<see cref="FftEngines.Default"/> when null).</summary>
    public CpuRefineBackend(IFftEngine? fft = null) => _fft = fft ?? FftEngines.Default;

    /// <inheritdoc />
    public string Name => $"cpu ({_fft.Name})";

    /// <inheritdoc />
    public IReadOnlyList<ParticleRefinement> Run(
        RefineSearch search, int particleCount, Func<int, RefineTarget> targets, int threads,
        IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(targets);
        var offsets = search.Offsets.Count;
        var workerCount = Math.Max(1, Math.Min(Compute.ThreadCount.Resolve(threads), offsets));
        // A few chunks per worker keep threads busy when offsets cost different amounts (cache effects, preemption).
        var chunk = Math.Max(1, (offsets + 4 * workerCount - 1) / (4 * workerCount));
        var chunks = (offsets + chunk - 1) / chunk;
        var planes = (long)search.DefocusOffsets.Count * search.PixelSizeOffsets.Count;
        var total = particleCount * search.CorrelationsPerParticle;
        long done = 0;
        var results = new List<ParticleRefinement>(particleCount);
        var workers = new CpuRefineWorker[workerCount];
        try
        {
            for (var t = 0; t < workerCount; t++)
            {
                workers[t] = new CpuRefineWorker(search, _fft);
            }

            for (var i = 0; i < particleCount; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                var target = targets(i);
                CheckTarget(search, target, i);
                var filters = search.ProjectiveFilters(target);
                var bests = new RefineCandidate[workerCount];
                Parallel.For(0, workerCount, new ParallelOptions { MaxDegreeOfParallelism = workerCount }, t =>
                {
                    var best = RefineCandidate.None;
                    for (var c = t; c < chunks; c += workerCount)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        var first = c * chunk;
                        var last = Math.Min(first + chunk, offsets);
                        best = best.Better(workers[t].Search(target, filters, first, last));
                        progress?.Report(new SearchProgress(Interlocked.Add(ref done, (last - first) * planes), total));
                    }

                    bests[t] = best;
                });
                results.Add(ToResult(search, target, bests.Aggregate(RefineCandidate.None, (a, b) => a.Better(b))));
            }
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            throw new OperationCanceledException("The refinement was cancelled.", ex, cancellation);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker?.Dispose();
            }
        }

        return results;
    }

    private static ParticleRefinement ToResult(RefineSearch search, RefineTarget target, RefineCandidate best) =>
        search.Result(target, best.Offset, best.PixelPlane, best.DefocusPlane, best.Y, best.X, best.Cc, best.Z);

    private static void CheckTarget(RefineSearch search, RefineTarget target, int index)
    {
        var n = search.Template.Size;
        var crop = search.CropHeight * search.CropWidth;
        if (target.BoxSpectrum.Length != search.BoxHeight * (search.BoxWidth / 2 + 1)
            || target.TemplateFilter.Length != n * (n / 2 + 1)
            || target.Mean.Length != crop || target.StandardDeviation.Length != crop)
        {
            throw new ArgumentException($"Particle {index}: its box spectrum, template filter or statistics crops do not match the search's sizes.");
        }
    }
}
