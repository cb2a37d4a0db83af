using System.Diagnostics;
using LeopardEm.Io;
using LeopardEm.Search;

namespace LeopardEm.Shards;

/// <summary>
/// Runs a range of a search in pieces, folding each piece's statistics into the whole (exactly for MIP and best index)
/// and writing the state so far as a checkpoint (a partial result of the range done) at the configured interval and
/// when cancelled after enough unsaved work (a Ctrl-C seconds into a run leaves no file behind). A run started with a checkpoint of the same search continues after it, so a killed, failed or
/// preempted run loses at most one interval, and its MIP and labels equal an uninterrupted run's bit for bit.
/// </summary>
public static class CheckpointedSearch
{
    // Pieces aim at this fraction of the interval, so a checkpoint is never far behind.
    private const double PieceFraction = 0.25;

    /// <summary>Runs <paramref name="range"/>.</summary>
    /// <param name="range">The range to compute.</param>
    /// <param name="search">Computes the statistics of a sub-range (the backend).</param>
    /// <param name="header">The header of this search's partial results (the range is filled in here).</param>
    /// <param name="checkpoint">Where and how often to save; null runs the range in one piece.</param>
    /// <param name="firstPiece">Correlations in the first piece (later pieces are sized from its speed).</param>
    /// <param name="progress">Receives progress over the whole range, resumed work counted as done.</param>
    /// <param name="cancellation">Stops the run; the work done so far is saved first if it is worth a file
    /// (<see cref="Checkpointing.WorthSavingOnCancel"/>).</param>
    /// <param name="notes">Receives what the user should know (resumed from where).</param>
    /// <exception cref="PartialResultException">The checkpoint belongs to another search (settings or inputs changed).</exception>
    public static SearchStatistics Run(
        SearchRange range,
        Func<SearchRange, IProgress<SearchProgress>?, CancellationToken, SearchStatistics> search,
        PartialHeader header,
        Checkpointing? checkpoint,
        int firstPiece,
        IProgress<SearchProgress>? progress,
        CancellationToken cancellation,
        Action<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(header);
        if (checkpoint is null || checkpoint.Interval <= TimeSpan.Zero)
        {
            return search(range, progress, cancellation);
        }

        var statistics = Resume(range, header, checkpoint, notes);
        var done = statistics is null ? range.Start : range.Start + (int)statistics.Count;
        progress?.Report(new SearchProgress(done - range.Start, range.Count));
        var saved = done;
        var sinceSave = Stopwatch.StartNew();
        var piece = Math.Max(1, firstPiece);
        try
        {
            while (done < range.End)
            {
                cancellation.ThrowIfCancellationRequested();
                var part = new SearchRange(done, Math.Min(piece, range.End - done));
                var offset = done - range.Start;
                var shifted = progress is null ? null : new ShiftedProgress(progress, offset, range.Count);
                var clock = Stopwatch.StartNew();
                var partial = search(part, shifted, cancellation);
                var seconds = clock.Elapsed.TotalSeconds;
                if (statistics is null)
                {
                    statistics = partial;
                }
                else
                {
                    statistics.Merge(partial);
                }

                done = part.End;
                if (done < range.End && sinceSave.Elapsed >= checkpoint.Interval)
                {
                    Save(checkpoint.Path, header, range.Start, statistics);
                    (saved, sinceSave) = (done, Stopwatch.StartNew());
                }

                var target = checkpoint.Interval.TotalSeconds * PieceFraction;
                piece = (int)Math.Clamp(part.Count * target / Math.Max(seconds, 1e-3), piece, Math.Min(8L * piece, int.MaxValue));
            }
        }
        catch (OperationCanceledException) when (statistics is not null && done > saved && sinceSave.Elapsed >= checkpoint.WorthSavingOnCancel)
        {
            Save(checkpoint.Path, header, range.Start, statistics);
            notes?.Invoke($"saved the {done - range.Start:N0} correlations done to '{checkpoint.Path}'; rerun the same command to continue");
            throw;
        }

        return statistics!;
    }

    /// <summary>Deletes the checkpoint of a finished search (its results are published).</summary>
    public static void Complete(Checkpointing? checkpoint)
    {
        if (checkpoint is not null && File.Exists(checkpoint.Path))
        {
            File.Delete(checkpoint.Path);
        }
    }

    private static SearchStatistics? Resume(SearchRange range, PartialHeader header, Checkpointing checkpoint, Action<string>? notes)
    {
        if (!File.Exists(checkpoint.Path))
        {
            return null;
        }

        if (checkpoint.Restart)
        {
            File.Delete(checkpoint.Path);
            notes?.Invoke($"discarded the checkpoint '{checkpoint.Path}' (--restart)");
            return null;
        }

        var saved = PartialResultFile.Read(checkpoint.Path);
        var h = saved.Header;
        if (h.SearchFingerprint != header.SearchFingerprint || h.SearchSpaceFingerprint != header.SearchSpaceFingerprint
            || h.RangeStart != range.Start || h.RangeCount > range.Count || h.Count != h.RangeCount)
        {
            throw new PartialResultException(
                $"The checkpoint '{checkpoint.Path}' is of another search (the settings, micrograph, template or range changed " +
                "since it was written); delete it, or pass --restart to discard it.");
        }

        notes?.Invoke($"resuming from '{checkpoint.Path}': {h.RangeCount:N0} of {range.Count:N0} correlations already done");
        return saved.Statistics;
    }

    private static void Save(string path, PartialHeader header, int start, SearchStatistics statistics) =>
        AtomicFileWriter.Write(path, overwrite: true, stream => PartialResultFile.Write(
            stream, header with { RangeStart = start, RangeCount = (int)statistics.Count }, statistics));

    // Reports a piece's progress as progress of the whole range.
    private sealed class ShiftedProgress(IProgress<SearchProgress> inner, long offset, long total) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => inner.Report(new SearchProgress(offset + value.CorrelationsDone, total));
    }
}
