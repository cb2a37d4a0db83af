using LeopardEm.Optics;

namespace LeopardEm.Tests.Optics;

public class CumulativeDoseFilterTests
{
    [Fact]
    public void Critical_exposure_at_one_third_per_angstrom_is_4_3361()
    {
        // Spec Appendix B: Ne = 0.245·3^1.665 + 2.81.
        Assert.Equal(4.3361, new CumulativeDoseFilter(0, 30).CriticalExposure(1.0 / 3), 4);
    }

    [Theory]
    [InlineData(0.0, 30.0, 0.1)]
    [InlineData(0.0, 60.0, 0.3)]
    [InlineData(10.0, 50.0, 0.45)]
    public void The_weight_is_the_exposure_averaged_attenuation_divided_by_the_end_dose(double start, double end, double k)
    {
        var filter = new CumulativeDoseFilter(start, end);
        var ne = filter.CriticalExposure(k);

        var expected = 2 * ne * (Math.Exp(-start / (2 * ne)) - Math.Exp(-end / (2 * ne))) / end;

        Assert.Equal(expected, filter.Weight(k), 12);
    }

    [Fact]
    public void More_exposure_attenuates_high_frequencies_more()
    {
        var thirty = new CumulativeDoseFilter(0, 30);
        var sixty = new CumulativeDoseFilter(0, 60);

        Assert.Equal(1.0, thirty.Weight(0), 6);
        Assert.True(sixty.Weight(0.4) < thirty.Weight(0.4));
        Assert.True(thirty.Weight(0.4) < thirty.Weight(0.2));
    }

    [Fact]
    public void Modifiers_and_critical_b_factors_follow_ttsim3d()
    {
        var d = new CumulativeDoseFilter(0, 30).Weight(0.3);

        Assert.Equal(Math.Sqrt(d), new CumulativeDoseFilter(0, 30, Modifier: DoseFilterModifier.Sqrt).Weight(0.3), 12);
        Assert.Equal(2 * d / (1 + d), new CumulativeDoseFilter(0, 30, Modifier: DoseFilterModifier.RelativeDifference).Weight(0.3), 12);

        var withB = new CumulativeDoseFilter(0, 30, CriticalBFactor: 20);
        Assert.Equal(4 / (20 * 0.3 * 0.3), withB.CriticalExposure(0.3), 12);

        // B_c = 0 makes Nₑ infinite: no damage, weight (end − start)/end.
        Assert.Equal(0.75, new CumulativeDoseFilter(10, 40, CriticalBFactor: 0).Weight(0.3), 12);
    }
}
