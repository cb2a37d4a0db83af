using LeopardEm.Search;
using LeopardEm.Shards;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Shards;

/// <summary>The checkpoint loop on a fake search whose correlation maps are a function of the global index: pieces fold
/// into the same statistics as one piece, a cancelled run saves only work worth a file, and a resumed run ends equal to
/// an uninterrupted one.</summary>
public sealed class CheckpointedSearchTests : IDisposable
{
    private const int Height = 2;
    private const int Width = 3;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Pieces_fold_into_the_statistics_of_one_piece()
    {
        var range = new SearchRange(5, 40);
        var whole = Fake(range, null, CancellationToken.None);
        var checkpoint = new Checkpointing(_directory.File("c"), TimeSpan.FromHours(1));
        var pieced = CheckpointedSearch.Run(range, Fake, Header(), checkpoint, firstPiece: 3, null, CancellationToken.None);
        AssertEqual(whole, pieced);
        Assert.False(File.Exists(checkpoint.Path), "no interval elapsed, so nothing was saved");
    }

    [Fact]
    public void A_cancel_moments_into_a_run_leaves_no_file()
    {
        var checkpoint = new Checkpointing(_directory.File("c"), TimeSpan.FromMinutes(5));
        using var cancel = new CancellationTokenSource();
        var pieces = 0;
        Assert.Throws<OperationCanceledException>(() => CheckpointedSearch.Run(
            new SearchRange(0, 40), (r, p, c) => ++pieces == 2 ? throw new OperationCanceledException() : Fake(r, p, c),
            Header(), checkpoint, firstPiece: 4, null, cancel.Token));
        Assert.False(File.Exists(checkpoint.Path));
    }

    [Fact]
    public void A_cancel_after_enough_work_saves_it_and_the_rerun_ends_as_an_uninterrupted_run()
    {
        var range = new SearchRange(0, 40);
        var checkpoint = new Checkpointing(_directory.File("c"), TimeSpan.FromMilliseconds(100));
        var notes = new List<string>();
        var finished = new List<SearchRange>();
        Assert.Throws<OperationCanceledException>(() => CheckpointedSearch.Run(
            range,
            (r, p, c) =>
            {
                if (finished.Count == 2)
                {
                    // The cancelled piece runs long enough that the unsaved work is worth a file.
                    Thread.Sleep(150);
                    throw new OperationCanceledException();
                }

                finished.Add(r);
                return Fake(r, p, c);
            },
            Header(), checkpoint, firstPiece: 4, null, CancellationToken.None, notes.Add));
        Assert.Contains(notes, n => n.Contains("rerun the same command", StringComparison.Ordinal));
        var saved = PartialResultFile.Read(checkpoint.Path).Header.RangeCount;
        Assert.Equal(finished[1].End, saved);

        var computed = new List<SearchRange>();
        var resumed = CheckpointedSearch.Run(
            range, (r, p, c) => { computed.Add(r); return Fake(r, p, c); }, Header(), checkpoint, firstPiece: 4, null, CancellationToken.None, notes.Add);
        AssertEqual(Fake(range, null, CancellationToken.None), resumed);
        Assert.Equal(saved, computed[0].Start);
        Assert.Contains(notes, n => n.StartsWith("resuming from", StringComparison.Ordinal));
    }

    [Fact]
    public void A_checkpoint_of_another_search_is_refused_unless_restarting()
    {
        var range = new SearchRange(0, 10);
        var checkpoint = new Checkpointing(_directory.File("c"), TimeSpan.FromMilliseconds(1));
        using (var stream = File.Create(checkpoint.Path))
        {
            PartialResultFile.Write(stream, Header() with { SearchFingerprint = "other", RangeCount = 2, Count = 2 }, Fake(new SearchRange(0, 2), null, default));
        }

        var error = Assert.Throws<PartialResultException>(() => CheckpointedSearch.Run(range, Fake, Header(), checkpoint, 2, null, default));
        Assert.Contains("--restart", error.Message);
        var restarted = CheckpointedSearch.Run(range, Fake, Header(), checkpoint with { Restart = true }, 2, null, default);
        AssertEqual(Fake(range, null, default), restarted);
    }

    // Correlation maps that depend on the index, with repeated values so that ties occur across pieces.
    private static SearchStatistics Fake(SearchRange range, IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        var statistics = new SearchStatistics(Height, Width);
        for (var g = range.Start; g < range.End; g++)
        {
            statistics.Add([.. Enumerable.Range(0, Height * Width).Select(i => (float)((g * 7 + i * 3) % 11))], Width, g);
        }

        return statistics;
    }

    private static PartialHeader Header() => TestPartialHeaders.Of(rangeStart: 0, rangeCount: 0, total: 40, Height, Width);

    private static void AssertEqual(SearchStatistics expected, SearchStatistics actual)
    {
        Assert.Equal(expected.Mip, actual.Mip);
        Assert.Equal(expected.BestIndex, actual.BestIndex);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Sum.Length; i++)
        {
            Assert.Equal(expected.Sum[i], actual.Sum[i], 1e-9);
            Assert.Equal(expected.SumOfSquares[i], actual.SumOfSquares[i], 1e-9);
        }
    }
}
