using LeopardEm.Fft;

namespace LeopardEm.Search;

/// <summary>
/// The CPU backend: worker threads, each with its own buffers and statistics, take batches of the range's orientations
/// round-robin (worker w gets batches w, w+T, w+2T, ...; each orientation with all its planes inside the range) and
/// their statistics are merged in worker order at the end. The MIP and
/// best-index maps are identical for any thread count and batch size (ties go to the lowest global index); sums are
/// accumulated in double, so mean and standard deviation agree to ~1e-12 relative across thread counts and bit for
/// bit for the same thread count and batch size.
/// </summary>
public sealed class CpuCorrelationBackend : ICorrelationBackend
{
    private readonly IFftEngine _fft;

    /// <summary>Creates the backend on an FFT engine (<see cref="FftEngines.Default"/> when null).</summary>
    public CpuCorrelationBackend(IFftEngine? fft = null) => _fft = fft ?? FftEngines.Default;

    /// <inheritdoc />
    public string Name => $"cpu ({_fft.Name})";

    /// <inheritdoc />
    public SearchStatistics Run(SearchInputs inputs, SearchRunOptions options, IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        var range = options.RangeIn(inputs.Space);
        var orientations = OrientationsIn(range, inputs.Space);
        var batchSize = Math.Max(1, options.OrientationBatchSize);
        var batches = (orientations.Length + batchSize - 1) / batchSize;
        var threads = Math.Max(1, Math.Min(options.EffectiveThreads, batches));
        long done = 0;

        using var image = new CpuImageColumns(inputs);
        var workers = new CpuCorrelationWorker[threads];
        try
        {
            for (var t = 0; t < threads; t++)
            {
                workers[t] = new CpuCorrelationWorker(inputs, image, _fft, threads);
            }

            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                for (var batch = t; batch < batches; batch += threads)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var first = batch * batchSize;
                    var last = Math.Min(first + batchSize, orientations.Length);
                    var correlations = 0;
                    for (var i = first; i < last; i++)
                    {
                        var (planeFirst, planeLast) = range.PlanesOf(orientations[i], inputs.Space);
                        workers[t].Process(orientations[i], planeFirst, planeLast);
                        correlations += planeLast - planeFirst + 1;
                    }

                    var now = Interlocked.Add(ref done, correlations);
                    progress?.Report(new SearchProgress(now, range.Count));
                }

                workers[t].Flush();
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            DisposeAll(workers);
            throw new OperationCanceledException("The search was cancelled.", ex, cancellation);
        }
        catch
        {
            DisposeAll(workers);
            throw;
        }

        var result = workers[0].Statistics;
        for (var t = 1; t < threads; t++)
        {
            result.Merge(workers[t].Statistics);
        }

        DisposeAll(workers);
        return result;
    }

    // The orientations with at least one plane in the range, in order: all of them once the range spans M indices.
    private static int[] OrientationsIn(SearchRange range, SearchSpace space) =>
        [.. Enumerable.Range(0, space.OrientationCount).Where(o => range.PlanesOf(o, space) is var (first, last) && first <= last)];

    private static void DisposeAll(CpuCorrelationWorker?[] workers)
    {
        foreach (var worker in workers)
        {
            worker?.Dispose();
        }
    }
}
