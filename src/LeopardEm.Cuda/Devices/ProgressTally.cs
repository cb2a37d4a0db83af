using LeopardEm.Search;

namespace LeopardEm.Cuda.Devices;

/// <summary>Adds up the progress of work running in parts (one per device) into one report of the whole: each part
/// reports its own running count, the tally reports the sum over all parts.</summary>
internal sealed class ProgressTally(IProgress<SearchProgress>? whole, long total, long alreadyDone = 0)
{
    private long _done = alreadyDone;

    /// <summary>A progress sink for one part, or null when nobody listens.</summary>
    public IProgress<SearchProgress>? Part()
    {
        if (whole is null)
        {
            return null;
        }

        long last = 0;
        return new Sink(p =>
        {
            var now = Interlocked.Add(ref _done, p.CorrelationsDone - last);
            last = p.CorrelationsDone;
            whole.Report(new SearchProgress(now, total));
        });
    }

    // Reports synchronously, on the part's thread, so the counts stay in step with the work.
    private sealed class Sink(Action<SearchProgress> report) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => report(value);
    }
}
