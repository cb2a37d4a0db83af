using LeopardEm.Settings;

namespace LeopardEm.Tests.Settings;

/// <summary>Upstream tests/pydantic_models/test_correlation_filters.py (configuration part).</summary>
public class FilterConfigTests
{
    [Fact]
    public void WhiteningDefaults()
    {
        var w = new WhiteningFilterConfig();
        Assert.True(w.Enabled);
        Assert.Null(w.NumFreqBins);
        Assert.Equal(0.5, w.MaxFreq);
        Assert.True(w.DoPowerSpectrum);
        Assert.Empty(w.Validate());
    }

    [Fact]
    public void BandpassDefaults()
    {
        var b = new BandpassFilterConfig();
        Assert.False(b.Enabled);
        Assert.Null(b.LowFreqCutoff);
        Assert.Null(b.HighFreqCutoff);
        Assert.Null(b.Falloff);
        Assert.Equal(0.0, b.EffectiveLowFreqCutoff);
        Assert.Equal(1.0, b.EffectiveHighFreqCutoff);
        Assert.Equal(0.0, b.EffectiveFalloff);
        Assert.Empty(new BandpassFilterConfig { Enabled = true, LowFreqCutoff = 0.1, HighFreqCutoff = 0.5, Falloff = 0.1 }
            .Validate());
    }

    [Fact]
    public void PhaseRandomizationAndCurveDefaults()
    {
        Assert.False(new PhaseRandomizationFilterConfig().Enabled);
        Assert.Null(new PhaseRandomizationFilterConfig().Cuton);
        var curve = new ArbitraryCurveFilterConfig();
        Assert.False(curve.Enabled);
        Assert.Null(curve.Frequencies);
        Assert.Null(curve.Amplitudes);
    }

    [Fact]
    public void PreprocessingFiltersDefaultToDefaultSubBlocks()
    {
        var filters = new PreprocessingFilters();
        Assert.Equal(new WhiteningFilterConfig(), filters.WhiteningFilter);
        Assert.Equal(new BandpassFilterConfig(), filters.BandpassFilter);
        Assert.Equal(new PhaseRandomizationFilterConfig(), filters.PhaseRandomizationFilter);
        Assert.Equal(new ArbitraryCurveFilterConfig(), filters.ArbitraryCurveFilter);
        Assert.Empty(filters.Validate());
    }

    [Fact]
    public void FromSpatialResolutionDividesPixelSizeByResolution()
    {
        var b = BandpassFilterConfig.FromSpatialResolution(100, 4, 1.0);
        Assert.True(b.Enabled);
        Assert.Equal(0.01, b.LowFreqCutoff);
        Assert.Equal(0.25, b.HighFreqCutoff);
    }

    [Fact]
    public void NegativeBandpassValuesAreRejected()
    {
        var problems = new BandpassFilterConfig { LowFreqCutoff = -0.1, Falloff = -1 }.Validate();
        Assert.Equal(
            ["preprocessing_filters.bandpass_filter.low_freq_cutoff", "preprocessing_filters.bandpass_filter.falloff"],
            problems.Select(p => p.KeyPath));
    }

    [Fact]
    public void EnabledBandpassNeedsANonEmptyBand()
    {
        var problem = Assert.Single(
            new BandpassFilterConfig { Enabled = true, LowFreqCutoff = 0.4, HighFreqCutoff = 0.2 }.Validate());
        Assert.Equal("preprocessing_filters.bandpass_filter.high_freq_cutoff", problem.KeyPath);
    }

    [Fact]
    public void WhiteningNeedsTwoBinsAndAPositiveMaxFreq()
    {
        Assert.Single(new WhiteningFilterConfig { NumFreqBins = 1 }.Validate());
        Assert.Single(new WhiteningFilterConfig { MaxFreq = 0 }.Validate());
        Assert.Empty(new WhiteningFilterConfig { MaxFreq = null, DoPowerSpectrum = null }.Validate());
    }

    [Fact]
    public void EnabledCurveNeedsBothLists()
    {
        var problem = Assert.Single(new ArbitraryCurveFilterConfig { Enabled = true, Frequencies = [0.1] }.Validate());
        Assert.Equal("preprocessing_filters.arbitrary_curve_filter.amplitudes", problem.KeyPath);
        Assert.Contains("both 'frequencies' and 'amplitudes' must be provided", problem.Message);
    }

    [Fact]
    public void EnabledCurveNeedsMatchingLengthsAndIncreasingFrequencies()
    {
        Assert.Empty(new ArbitraryCurveFilterConfig { Enabled = true, Frequencies = [0.1, 0.5], Amplitudes = [1.0, 0.5] }
            .Validate());
        var lengths = new ArbitraryCurveFilterConfig { Enabled = true, Frequencies = [0.1, 0.5], Amplitudes = [1.0] };
        Assert.Contains("same length", Assert.Single(lengths.Validate()).Message);
        var order = new ArbitraryCurveFilterConfig { Enabled = true, Frequencies = [0.5, 0.1], Amplitudes = [1.0, 0.5] };
        var problem = Assert.Single(order.Validate());
        Assert.Equal("preprocessing_filters.arbitrary_curve_filter.frequencies[1]", problem.KeyPath);
        Assert.Contains("increasing", problem.Message);
    }

    [Fact]
    public void DisabledCurveIsNotChecked() =>
        Assert.Empty(new ArbitraryCurveFilterConfig { Frequencies = [0.5, 0.1] }.Validate());
}
