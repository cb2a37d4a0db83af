using LeopardEm.Orientations;
using LeopardEm.Settings;

namespace LeopardEm.Tests.Settings;

public class RefineTemplateSettingsTests
{
    internal static RefineTemplateSettings Valid() => new()
    {
        TemplateVolumePath = "template.mrc",
        ParticleStack = new ParticleStackConfig
        {
            DfPath = "particles.csv",
            ExtractedBoxSize = new ImageShape(528, 528),
            OriginalTemplateSize = new ImageShape(512, 512),
        },
        DefocusRefinementConfig = new DefocusSearchConfig { DefocusMin = -100, DefocusMax = 100, DefocusStep = 20 },
        PixelSizeRefinementConfig = new PixelSizeSearchConfig(),
        OrientationRefinementConfig = new RefineOrientationConfig(),
        PreprocessingFilters = new PreprocessingFilters(),
        ComputationalConfig = new ComputationalConfigMatch(),
    };

    private static string[] Keys(RefineTemplateSettings settings) => [.. settings.Validate().Select(p => p.KeyPath)];

    [Fact]
    public void Defaults_are_leopard_ems()
    {
        var o = new RefineOrientationConfig();
        Assert.Equal((true, 2.5, 0.25, 2.5, 0.25, 1.5, 0.1, BaseGridMethod.Uniform),
            (o.Enabled, o.PhiStepCoarse, o.PhiStepFine, o.ThetaStepCoarse, o.ThetaStepFine, o.PsiStepCoarse, o.PsiStepFine, o.BaseGridMethod));
        var m = new MovieConfig();
        Assert.Equal((false, "", 0.0, 1.0), (m.Enabled, m.MoviePath, m.PreExposure, m.FluencePerFrame));
        Assert.True(Valid().ApplyGlobalFiltering);
        Assert.Empty(Valid().Validate());
    }

    [Fact]
    public void Offsets_follow_the_chosen_convention()
    {
        var o = new RefineOrientationConfig();
        Assert.Equal(21 * 21 * 31, o.GetOffsets(LocalGridConvention.Symmetric).Count);
        // Upstream's 651 = 21 thetas x 31 psis (spec Appendix B).
        var leopard = o.GetOffsets(LocalGridConvention.Leopard);
        Assert.Equal(651, leopard.Count);
        Assert.Equal(LocalGridConvention.Leopard, leopard.Convention);
        Assert.Same(LocalOffsetGrid.None, (o with { Enabled = false }).GetOffsets(LocalGridConvention.Symmetric));
        Assert.Equal(1, (o with { PhiStepCoarse = 0, ThetaStepCoarse = 0, PsiStepCoarse = 0 }).GetOffsets(LocalGridConvention.Symmetric).Count);
    }

    [Theory]
    [InlineData(-1.0, 0.1, "orientation_refinement_config.psi_step_coarse")]
    [InlineData(1.5, -0.1, "orientation_refinement_config.psi_step_fine")]
    [InlineData(1.5, 0.0, "orientation_refinement_config.psi_step_fine")]
    [InlineData(1.5, 1e-6, "orientation_refinement_config")]
    public void Orientation_steps_are_checked(double coarse, double fine, string key)
    {
        var settings = Valid() with
        {
            OrientationRefinementConfig = new RefineOrientationConfig { PsiStepCoarse = coarse, PsiStepFine = fine },
        };
        Assert.Equal([key], Keys(settings));
    }

    [Fact]
    public void A_zero_fine_step_is_fine_when_refinement_is_off_or_the_range_is_zero()
    {
        Assert.Empty(Keys(Valid() with { OrientationRefinementConfig = new RefineOrientationConfig { Enabled = false, PhiStepFine = 0 } }));
        Assert.Empty(Keys(Valid() with { OrientationRefinementConfig = new RefineOrientationConfig { PhiStepCoarse = 0, PhiStepFine = 0 } }));
    }

    [Theory]
    [InlineData(500, 528, 512, "box")]
    [InlineData(527, 528, 512, "even")]
    [InlineData(528, 528, 1, "at least [2, 2]")]
    public void Box_sizes_are_checked(int boxHeight, int boxWidth, int template, string message)
    {
        var settings = Valid() with
        {
            ParticleStack = Valid().ParticleStack with
            {
                ExtractedBoxSize = new ImageShape(boxHeight, boxWidth),
                OriginalTemplateSize = ImageShape.Square(template),
            },
        };
        var problem = Assert.Single(settings.Validate());
        Assert.StartsWith("particle_stack.", problem.KeyPath);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void Problems_name_the_refine_keys()
    {
        var settings = Valid() with
        {
            DefocusRefinementConfig = new DefocusSearchConfig { DefocusMin = 100, DefocusMax = -100 },
            PixelSizeRefinementConfig = new PixelSizeSearchConfig { Enabled = true },
            MovieConfig = new MovieConfig { Enabled = true },
            ParticleStack = Valid().ParticleStack with { DfPath = " " },
        };
        Assert.Equal(
            ["particle_stack.df_path", "defocus_refinement_config.defocus_max", "pixel_size_refinement_config.pixel_size_step", "movie_config.enabled"],
            Keys(settings));
    }

    [Fact]
    public void Settings_for_a_match_template_run_search_one_coarse_step_each_way()
    {
        var match = SampleSettings.Create() with
        {
            OrientationSearchConfig = new OrientationSearchConfig { PsiStep = 1.5, ThetaStep = 2.5 },
            DefocusSearchConfig = new DefocusSearchConfig { DefocusStep = 200 },
        };

        var refine = RefineTemplateSettings.ForMatchTemplate(match, "p.csv", 64, 72, subdivisions: 5);

        Assert.Empty(refine.Validate());
        Assert.Equal((match.TemplateVolumePath, "p.csv"), (refine.TemplateVolumePath, refine.ParticleStack.DfPath));
        Assert.Equal((ImageShape.Square(72), ImageShape.Square(64)), (refine.ParticleStack.ExtractedBoxSize, refine.ParticleStack.OriginalTemplateSize));
        var o = refine.OrientationRefinementConfig;
        Assert.Equal((2.5, 0.5, 2.5, 0.5, 1.5, 0.3), (o.PhiStepCoarse, o.PhiStepFine, o.ThetaStepCoarse, o.ThetaStepFine, o.PsiStepCoarse, o.PsiStepFine));
        Assert.Equal([-200f, -160f, -120f, -80f, -40f, 0f, 40f, 80f, 120f, 160f, 200f], refine.DefocusRefinementConfig.GetRelativeDefocusValues());
        Assert.False(refine.PixelSizeRefinementConfig.Enabled);
        Assert.Same(match.PreprocessingFilters, refine.PreprocessingFilters);
    }
}
