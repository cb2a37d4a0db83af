using LeopardEm.Simulation;

namespace LeopardEm.Tests.Simulation;

public class ScatteringFactorsTests
{
    [Fact]
    public void The_table_covers_hydrogen_to_californium_with_five_gaussians_each()
    {
        Assert.Equal(98, ScatteringFactors.Elements.Count);
        foreach (var element in ScatteringFactors.Elements)
        {
            Assert.True(ScatteringFactors.TryGet(element, out var f));
            Assert.Equal(5, f.A.Count);
            Assert.Equal(5, f.B.Count);
        }
    }

    [Fact]
    public void Carbon_matches_peng_1996_and_deuterium_scatters_as_hydrogen()
    {
        Assert.True(ScatteringFactors.TryGet("C", out var carbon));
        Assert.Equal([0.0893, 0.2563, 0.757, 1.0487, 0.3575], carbon.A);
        Assert.Equal([0.2465, 1.71, 6.4094, 18.6113, 50.2523], carbon.B);
        Assert.Equal(2.5088, carbon.Amplitude(0), 12);

        Assert.True(ScatteringFactors.TryGet("D", out var deuterium));
        Assert.True(ScatteringFactors.TryGet("H", out var hydrogen));
        Assert.Same(hydrogen, deuterium);
        Assert.False(ScatteringFactors.TryGet("ES", out _));
    }

    [Fact]
    public void A_temperature_factor_damps_the_amplitude_by_exp_minus_b_s_squared()
    {
        Assert.True(ScatteringFactors.TryGet("O", out var oxygen));

        Assert.Equal(oxygen.Amplitude(0.25) * Math.Exp(-20 * 0.0625), oxygen.Amplitude(0.25, 20), 12);
        Assert.True(oxygen.Amplitude(0.5) < oxygen.Amplitude(0.25));
    }
}
