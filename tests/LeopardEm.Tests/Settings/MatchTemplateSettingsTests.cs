using LeopardEm.Settings;

namespace LeopardEm.Tests.Settings;

/// <summary>Root-level validation gathers every block's problems under their YAML key paths.</summary>
public class MatchTemplateSettingsTests
{
    [Fact]
    public void SampleIsValid()
    {
        var settings = SampleSettings.Create();
        Assert.Empty(settings.Validate());
        settings.ThrowIfInvalid();
    }

    [Fact]
    public void ResultDefaults()
    {
        var result = SampleSettings.Result();
        Assert.False(result.AllowFileOverwrite);
        Assert.Equal(0, result.TotalProjections);
        Assert.Equal(0, result.TotalOrientations);
        Assert.Equal(0, result.TotalDefocus);
        Assert.Equal(8, result.OutputPaths.Count);
        Assert.Equal("mip_path", result.OutputPaths[0].Key);
    }

    [Fact]
    public void PixelSizeSearchIsDisabledByDefault() =>
        Assert.Equal(new PixelSizeSearchConfig(), SampleSettings.Create().PixelSizeSearchConfig);

    [Fact]
    public void ProblemsFromEveryBlockAreCollected()
    {
        var settings = SampleSettings.Create() with
        {
            MicrographPath = "",
            OpticsGroup = SampleSettings.Optics with { AmplitudeContrastRatio = 2 },
            DefocusSearchConfig = new DefocusSearchConfig { DefocusStep = 0 },
            OrientationSearchConfig = new OrientationSearchConfig { Symmetry = "C2v" },
            PreprocessingFilters = new PreprocessingFilters
            {
                ArbitraryCurveFilter = new ArbitraryCurveFilterConfig { Enabled = true },
            },
            MatchTemplateResult = SampleSettings.Result() with { MipPath = " " },
            ComputationalConfig = new ComputationalConfigMatch { NumCpus = 0 },
        };
        var e = Assert.Throws<SettingsValidationException>(settings.ThrowIfInvalid);
        Assert.Equal(
        [
            "micrograph_path",
            "optics_group.amplitude_contrast_ratio",
            "defocus_search_config.defocus_step",
            "orientation_search_config.symmetry",
            "preprocessing_filters.arbitrary_curve_filter.frequencies",
            "match_template_result.mip_path",
            "computational_config.num_cpus",
        ], e.Problems.Select(p => p.KeyPath));
        Assert.Contains("7 problems", e.Message);
    }

    [Fact]
    public void SearchedPixelSizeMustStayPositive()
    {
        var settings = SampleSettings.Create() with
        {
            PixelSizeSearchConfig = new PixelSizeSearchConfig
            {
                Enabled = true,
                PixelSizeMin = -2,
                PixelSizeMax = 0,
                PixelSizeStep = 0.5,
            },
        };
        var problem = Assert.Single(settings.Validate());
        Assert.Equal("pixel_size_search_config.pixel_size_min", problem.KeyPath);
    }
}
