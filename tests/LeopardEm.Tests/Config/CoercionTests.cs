using LeopardEm.Config;
using LeopardEm.Settings;

namespace LeopardEm.Tests.Config;

/// <summary>Scalars are interpreted like PyYAML followed by pydantic's lax coercion.</summary>
public class CoercionTests
{
    private static MatchTemplateSettings WithLine(string line, string replacement) =>
        MatchTemplateConfig.Parse(ConfigTexts.ReplaceLine(ConfigTexts.UpstreamExample, line, replacement)).Settings;

    [Theory]
    [InlineData("  voltage: 300", 300.0)]
    [InlineData("  voltage: \"300.5\"", 300.5)]
    [InlineData("  voltage: '3e2'", 300.0)]
    [InlineData("  voltage: 3.0e+2", 300.0)]
    [InlineData("  voltage: 3_00", 300.0)]
    [InlineData("  voltage: +300.", 300.0)]
    public void NumbersAcceptIntsAndNumericStrings(string line, double expected) =>
        Assert.Equal(expected, WithLine("  voltage: 300.0", line).OpticsGroup.Voltage);

    [Theory]
    [InlineData("  enabled: true", true)]
    [InlineData("  enabled: False", false)]
    [InlineData("  enabled: \"true\"", true)]
    [InlineData("  enabled: '0'", false)]
    [InlineData("  enabled: 1", true)]
    [InlineData("  enabled: yes", true)]
    [InlineData("  enabled: off", false)]
    public void BooleansAcceptYamlAndPydanticSpellings(string line, bool expected) =>
        Assert.Equal(expected, WithLine("  enabled: true", line).DefocusSearchConfig.Enabled);

    [Theory]
    [InlineData("    num_freq_bins: null")]
    [InlineData("    num_freq_bins: ~")]
    [InlineData("    num_freq_bins:")]
    [InlineData("    num_freq_bins: NULL")]
    public void NullSpellings(string line) =>
        Assert.Null(WithLine("    num_freq_bins: null", line).PreprocessingFilters.WhiteningFilter.NumFreqBins);

    [Fact]
    public void IntegersAcceptWholeFloats() =>
        Assert.Equal(256, WithLine("    num_freq_bins: null", "    num_freq_bins: 256.0")
            .PreprocessingFilters.WhiteningFilter.NumFreqBins);

    [Fact]
    public void QuotedNullIsAString()
    {
        var e = Assert.Throws<ConfigException>(() => WithLine("    num_freq_bins: null", "    num_freq_bins: 'null'"));
        Assert.Contains("expected an integer, got 'null'", e.Message);
    }

    [Fact]
    public void ExplicitNullOverridesANonNullDefault()
    {
        Assert.Null(WithLine("    max_freq: 0.5", "    max_freq: null").PreprocessingFilters.WhiteningFilter.MaxFreq);
        Assert.Null(WithLine("    do_power_spectrum: true", "    do_power_spectrum: null")
            .PreprocessingFilters.WhiteningFilter.DoPowerSpectrum);
    }

    [Fact]
    public void NullSymmetryIsDistinctFromAbsent()
    {
        var s = WithLine("  symmetry: C1", "  symmetry: null\n  theta_max: 90");
        var o = Assert.IsType<OrientationSearchConfig>(s.OrientationSearchConfig);
        Assert.Null(o.Symmetry);
        Assert.Equal(90.0, o.ThetaMax);
    }

    [Fact]
    public void NonFiniteNumbersAreParsedThenRejectedByValidation()
    {
        var e = Assert.Throws<ConfigException>(() => WithLine("  defocus_u: 5200.0", "  defocus_u: .nan"));
        Assert.Contains("optics_group.defocus_u must be a finite number, got NaN", e.Message);
    }

    [Fact]
    public void StringFieldsAcceptPlainNumbers() =>
        Assert.Equal("42", WithLine("  label: my_optics_group", "  label: 42").OpticsGroup.Label);

    [Fact]
    public void RequiredStringCannotBeNull()
    {
        var e = Assert.Throws<ConfigException>(() => WithLine("  label: my_optics_group", "  label: null"));
        Assert.Contains("optics_group.label at line 14, column 10: expected a string, got null", e.Message);
    }
}
