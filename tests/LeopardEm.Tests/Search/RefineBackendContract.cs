using LeopardEm.Orientations;
using LeopardEm.Search;

namespace LeopardEm.Tests.Search;

/// <summary>
/// What every local-search (refine) backend must do, tested the same way for each: a concrete class per backend
/// overrides <see cref="Create"/> (and declares a public static <c>Unavailable</c> reason when it may be missing).
/// </summary>
public abstract class RefineBackendContract
{
    private static readonly Lazy<RefineCase> Planted = new(() => new RefineCase());

    /// <summary>The backend under test.</summary>
    protected abstract IRefineBackend Create();

    /// <summary>The backend's best candidate scores the maximum of a naive double-precision scan of every (offset,
    /// plane, position) within 1e-5 relative (the blob template barely feels the pixel-size planes, so they tie to
    /// ~4e-6 and either may win), its own z and CC equal the naive ones to 1e-4 relative, and its orientation offset,
    /// defocus and shift are the planted ones.</summary>
    [BackendFact]
    public void The_best_candidate_is_the_planted_pose_found_by_a_naive_scan()
    {
        var search = Planted.Value;
        var scores = search.NaiveScores();
        var result = Assert.Single(Create().Run(search.Search, 1, _ => search.Target(), 2, null, CancellationToken.None));
        var defocus = search.Search.DefocusOffsets;
        var pixel = search.Search.PixelSizeOffsets;
        var plane = pixel.ToList().IndexOf(result.PixelSizeOffset) * defocus.Count + defocus.ToList().IndexOf(result.DefocusOffset);
        var crop = (result.ShiftY + search.Search.StartY) * search.Search.CropWidth + result.ShiftX + search.Search.StartX;
        var own = scores[result.OffsetIndex][plane][crop];
        var best = scores.SelectMany(k => k.SelectMany(p => p)).Max(s => s.Z);

        Assert.Equal(best, own.Z, 1e-5 * Math.Abs(best));
        Assert.Equal(own.Z, result.ZScore, 1e-4 * Math.Abs(own.Z));
        Assert.Equal(own.Cc, result.CrossCorrelation, 1e-4 * Math.Abs(own.Cc));
        Assert.Equal(RefineCase.TrueOffset, result.OffsetIndex);
        Assert.Equal(defocus[RefineCase.TrueDefocusPlane], result.DefocusOffset);
        Assert.Equal((RefineCase.TrueShiftY, RefineCase.TrueShiftX), (result.ShiftY, result.ShiftX));
        var expected = search.Search.Offsets.Compose(RefineCase.TrueOffset, search.Orientation);
        Assert.True(expected.AngleTo(result.Orientation.ToMatrix()) < 1e-3, "the refined orientation is the planted one");
    }

    /// <summary>Results are identical for 1, 2 and 3 threads, and particles come back in order.</summary>
    [BackendFact]
    public void Results_do_not_depend_on_threads()
    {
        var search = Planted.Value;
        var quiet = new RefineCase(search.Search.Offsets.Offsets, seed: 4);
        RefineTarget Target(int i) => i == 0 ? search.Target() : quiet.Target();
        var baseline = Create().Run(search.Search, 2, Target, 1, null, CancellationToken.None);
        Assert.Equal(2, baseline.Count);
        Assert.NotEqual(baseline[0], baseline[1]);
        foreach (var threads in new[] { 2, 3 })
        {
            Assert.Equal(baseline, Create().Run(search.Search, 2, Target, threads, null, CancellationToken.None));
        }
    }

    /// <summary>With every offset listed twice, each pair scores identically: the result is the first of the pair.</summary>
    [BackendFact]
    public void Ties_go_to_the_lowest_offset()
    {
        var offsets = new EulerAngles[] { new(-4, 0, 0), new(0, 0, 0), new(4, 0, 4) };
        var search = new RefineCase([.. offsets, .. offsets], seed: 6);
        var result = Assert.Single(Create().Run(search.Search, 1, _ => search.Target(), 3, null, CancellationToken.None));
        Assert.InRange(result.OffsetIndex, 0, offsets.Length - 1);
    }
}
