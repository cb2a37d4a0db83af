using LeopardEm.Orientations;
using LeopardEm.Search;
using LeopardEm.Tests.Fft;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Search;

/// <summary>
/// The CPU backend against a naive double-precision search (spec §15.5 items 5, 6 and 10): every correlation map of a
/// tiny search computed independently by direct real-space summation.
/// </summary>
public sealed class CpuCorrelationBackendReferenceTests : IClassFixture<CpuCorrelationBackendReferenceTests.TinySearch>
{
    private readonly TinySearch _search;
    private readonly ITestOutputHelper _log;

    public CpuCorrelationBackendReferenceTests(TinySearch search, ITestOutputHelper log)
    {
        _search = search;
        _log = log;
    }

    public static TheoryData<string> Engines => FftTestEngines.Available;

    /// <summary>
    /// MIP within 1e-4 of max(|MIP|, std) per pixel; the best index equal wherever the naive search's best value beats
    /// every other search point by more than that tolerance twice over; mean and standard deviation within 1e-5 of the
    /// standard deviation. Threads 2 and batch 3 over 8 orientations x 3 defocus planes: the last batch is partial.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines))]
    public void Statistics_match_a_naive_double_precision_search(string engine)
    {
        var reference = _search.Reference;
        var statistics = new CpuCorrelationBackend(FftTestEngines.Get(engine))
            .Run(_search.Inputs, new SearchRunOptions { Threads = 2, OrientationBatchSize = 3 }, null, CancellationToken.None);
        Assert.Equal(_search.Inputs.Space.Total, statistics.Count);
        var (mean, std) = StatisticsMoments.Of(statistics);

        int compared = 0, pixels = statistics.Mip.Length;
        double worstMip = 0, worstMean = 0, worstStd = 0;
        for (var i = 0; i < pixels; i++)
        {
            var scale = Math.Max(Math.Abs(reference.Mip[i]), reference.StandardDeviation[i]);
            worstMip = Math.Max(worstMip, Math.Abs(statistics.Mip[i] - reference.Mip[i]) / scale);
            worstMean = Math.Max(worstMean, Math.Abs(mean[i] - reference.Mean[i]) / reference.StandardDeviation[i]);
            worstStd = Math.Max(worstStd, Math.Abs(std[i] - reference.StandardDeviation[i]) / reference.StandardDeviation[i]);
            if (reference.Mip[i] - reference.RunnerUp[i] > 2e-4 * scale)
            {
                compared++;
                Assert.True(reference.BestIndex[i] == statistics.BestIndex[i],
                    $"pixel {i}: best index {statistics.BestIndex[i]}, naive search {reference.BestIndex[i]}");
            }
        }

        _log.WriteLine($"{engine}: max relative error MIP {worstMip:E2}, mean {worstMean:E2}, std {worstStd:E2}; best index compared at {compared} of {pixels} pixels");
        Assert.True(worstMip <= 1e-4, $"MIP error {worstMip}");
        Assert.True(worstMean <= 1e-5, $"mean error {worstMean}");
        Assert.True(worstStd <= 1e-5, $"std error {worstStd}");
        Assert.True(compared >= 0.99 * pixels, $"only {compared} of {pixels} pixels have an unambiguous best index");
    }

    /// <summary>A normalised template planted at (y0, x0) of an otherwise empty micrograph correlates best at (y0, x0),
    /// with value Σt² − (Σt)²/(H·W) (the planted image loses its mean; the normalisation makes this H·W).</summary>
    [Theory]
    [MemberData(nameof(Engines))]
    public void A_planted_template_peaks_at_its_top_left_corner(string engine) => CheckPlanted(engine, 11, 29);

    /// <summary>Correlation is circular: a template planted across the bottom-right border is found at its wrapped
    /// top-left corner.</summary>
    [Theory]
    [MemberData(nameof(Engines))]
    public void A_template_planted_across_the_border_is_found_at_its_wrapped_corner(string engine) => CheckPlanted(engine, 40, 57);

    private static void CheckPlanted(string engine, int y0, int x0)
    {
        const int height = 48, width = 64;
        var space = new SearchSpace([new EulerAngles(30, 60, 90)], [0f], [0f]);
        using var inputs = SyntheticSearch.Build(
            SyntheticSearch.BlobVolume(16, 5), space, height, width, noise: 0, [new(y0, x0, 0, 0, 1.0)], validCrop: false, seed: 0);
        var t = NaiveCorrelation.Template(inputs.Template, space.Rotation(0), space.SliceConvention, inputs.ProjectiveFilter(0, 0), height, width);
        var expected = t.Sum(v => v * v) - Math.Pow(t.Sum(), 2) / (height * width);
        Assert.Equal(height * width, expected, 1e-6 * height * width);

        var statistics = new CpuCorrelationBackend(FftTestEngines.Get(engine))
            .Run(inputs, new SearchRunOptions { Threads = 1 }, null, CancellationToken.None);
        var peak = Array.IndexOf(statistics.Mip, statistics.Mip.Max());
        Assert.Equal((y0, x0), (peak / width, peak % width));
        Assert.Equal(expected, statistics.Mip[peak], 1e-4 * expected);
        Assert.Equal(0, statistics.BestIndex[peak]);
    }

    /// <summary>8 orientations x 3 defocus planes, 64 x 64 noise micrograph with one faint planted template, 16³
    /// template, the full circular statistics region; the naive reference is computed once.</summary>
    public sealed class TinySearch : IDisposable
    {
        public TinySearch()
        {
            var space = new SearchSpace(SyntheticSearch.RandomOrientations(8, 11), [-400f, 0f, 400f], [0f]);
            Inputs = SyntheticSearch.Build(
                SyntheticSearch.BlobVolume(16, 5), space, 64, 64, noise: 1, [new(20, 30, 5, 1, 0.05)], validCrop: false, seed: 3);
            Reference = NaiveCorrelation.Search(Inputs);
        }

        public SearchInputs Inputs { get; }

        public NaiveCorrelation.Result Reference { get; }

        public void Dispose() => Inputs.Dispose();
    }
}
