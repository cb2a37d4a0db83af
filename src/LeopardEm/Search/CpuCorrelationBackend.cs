using LeopardEm.Fft;

namespace LeopardEm.Search;

/// <summary>
/// The CPU backend: worker threads, each with its own buffers and statistics, take orientation batches round-robin
/// (worker w gets batches w, w+T, w+2T, ...) and their statistics are merged in worker order at the end. The MIP and
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
        var (start, count) = OrientationRange(inputs.Space, options);
        var batchSize = Math.Max(1, options.OrientationBatchSize);
        var batches = (count + batchSize - 1) / batchSize;
        var threads = Math.Max(1, Math.Min(options.EffectiveThreads, batches));
        var perOrientation = (long)inputs.Space.DefocusCount * inputs.Space.PixelSizeCount;
        var total = count * perOrientation;
        long done = 0;

        using var frame = new CorrelationFrame(inputs, _fft);
        var workers = new CpuCorrelationWorker[threads];
        try
        {
            for (var t = 0; t < threads; t++)
            {
                workers[t] = new CpuCorrelationWorker(inputs, frame, _fft, threads);
            }

            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                for (var batch = t; batch < batches; batch += threads)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var first = start + batch * batchSize;
                    var last = Math.Min(first + batchSize, start + count);
                    for (var o = first; o < last; o++)
                    {
                        workers[t].Process(o);
                    }

                    var now = Interlocked.Add(ref done, (last - first) * perOrientation);
                    progress?.Report(new SearchProgress(now, total));
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

    private static (int Start, int Count) OrientationRange(SearchSpace space, SearchRunOptions options)
    {
        var start = options.OrientationStart;
        var count = options.OrientationCount ?? space.OrientationCount - start;
        if (start < 0 || count < 1 || start + count > space.OrientationCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), $"Orientations [{start}, {start + count}) are outside the search's {space.OrientationCount} orientations.");
        }

        return (start, count);
    }

    private static void DisposeAll(CpuCorrelationWorker?[] workers)
    {
        foreach (var worker in workers)
        {
            worker?.Dispose();
        }
    }
}
