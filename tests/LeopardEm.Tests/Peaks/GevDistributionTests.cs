using LeopardEm.Peaks;

namespace LeopardEm.Tests.Peaks;

public class GevDistributionTests
{
    /// <summary>SciPy 1.10 <c>genextreme(c, loc, scale)</c>: logpdf(2.2), cdf(2.2), sf(6), isf(1e-6), isf(0.3).</summary>
    public static TheoryData<double, double, double, double[]> SciPyValues => new()
    {
        { 0.1, 3, 0.5, [-2.3825078520255096, 0.01213774720351799, 0.00010485210263400946, 6.744056721448022, 3.4897847974933605] },
        { -0.2, 0, 1, [-2.349364264417301, 0.8508617811845149, 0.019216749513515954, 74.24465169858682, 1.1449093990819277] },
        { 0.0, 1, 2, [-1.841958816653972, 0.5776358442589156, 0.07880634482448418, 28.63102011592813, 3.0618608663174456] },
    };

    [Theory]
    [MemberData(nameof(SciPyValues))]
    public void Values_match_scipy_genextreme(double c, double loc, double scale, double[] expected)
    {
        var d = new GevDistribution(c, loc, scale);
        double[] actual = [d.LogDensity(2.2), d.Cdf(2.2), d.Survival(6), d.InverseSurvival(1e-6), d.InverseSurvival(0.3)];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(1, actual[i] / expected[i], 1e-12);
        }
    }

    [Fact]
    public void Outside_the_support_the_density_is_zero_and_the_tails_saturate()
    {
        var bounded = new GevDistribution(0.5, 0, 1);   // upper end loc + scale/c = 2
        Assert.Equal(double.NegativeInfinity, bounded.LogDensity(2.5));
        Assert.Equal(1, bounded.Cdf(2.5));
        Assert.Equal(0, bounded.Survival(2.5));
        var heavy = new GevDistribution(-0.5, 0, 1);    // lower end loc + scale/c = −2
        Assert.Equal(0, heavy.Cdf(-2.5));
        Assert.Equal(1, heavy.Survival(-2.5));
    }

    [Fact]
    public void Shapes_near_zero_approach_the_gumbel_distribution()
    {
        var gumbel = new GevDistribution(0, 1, 2);
        var nearly = new GevDistribution(1e-9, 1, 2);
        foreach (var x in new[] { -3.0, 0.5, 4.0, 20.0 })
        {
            Assert.Equal(gumbel.Survival(x), nearly.Survival(x), 1e-7);
            Assert.Equal(gumbel.LogDensity(x), nearly.LogDensity(x), 1e-7);
        }
    }

    [Fact]
    public void Inverse_survival_inverts_survival_far_into_the_tail()
    {
        var d = new GevDistribution(0.08, 3.1, 0.3);
        foreach (var q in new[] { 0.5, 1e-3, 1e-7, 1e-12 })
        {
            Assert.Equal(1, d.Survival(d.InverseSurvival(q)) / q, 1e-10);
        }
    }
}
