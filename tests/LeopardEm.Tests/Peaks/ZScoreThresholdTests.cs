using LeopardEm.Peaks;

namespace LeopardEm.Tests.Peaks;

public class ZScoreThresholdTests
{
    private const long Uniform4096Orientations = 1_584_480;

    /// <summary>Spec §12.1 cutoff vectors: pixels of the valid-cropped map (image − 512 + 1 per axis for a 512 px
    /// template) and correlations per pixel (orientations x defocus planes).</summary>
    public static TheoryData<double, long, long, double> Vectors => new()
    {
        { 1.0, 3585L * 3585, Uniform4096Orientations * 13, 7.774832 },
        { 1.0, 3585L * 3585, Uniform4096Orientations * 11, 7.753656 },
        { 1.0, 513L * 513, Uniform4096Orientations * 13, 7.266490 },
        { 1.0, 3581L * 5249, Uniform4096Orientations * 13, 7.822813 },
        { 1.0, 91L * 91, 24, 4.415811 },
        { 0.1, 3585L * 3585, Uniform4096Orientations * 13, 8.061202 },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Cutoffs_match_the_spec_vectors(double falsePositives, long pixels, long correlations, double expected)
    {
        Assert.Equal(expected, ZScoreThreshold.FromFalsePositives(falsePositives, pixels, correlations), 1e-5);
    }

    [Fact]
    public void The_cutoff_is_the_gaussian_upper_tail_quantile()
    {
        // P(Z > 1.959963984540054) = 0.025: 2.5 expected false positives among 100 samples.
        Assert.Equal(1.959963984540054, ZScoreThreshold.FromFalsePositives(2.5, 10, 10), 1e-9);
    }

    [Fact]
    public void Non_positive_false_positives_or_empty_searches_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ZScoreThreshold.FromFalsePositives(0, 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ZScoreThreshold.FromFalsePositives(double.NaN, 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ZScoreThreshold.FromFalsePositives(1, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ZScoreThreshold.FromFalsePositives(1, 10, 0));
    }
}
