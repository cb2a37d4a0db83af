using LeopardEm.Orientations;
using LeopardEm.Settings;

namespace LeopardEm.Tests.Settings;

public class ConstrainedSearchSettingsTests
{
    /// <summary>Valid settings for tests to modify with <c>with</c>.</summary>
    public static ConstrainedSearchSettings Valid() => new()
    {
        TemplateVolumePath = "b.mrc",
        CenterVector = new CenterVector(53.65, 82.58, 47.17),
        ParticleStackReference = new ParticleStackConfig
        {
            DfPath = "a.csv",
            ExtractedBoxSize = ImageShape.Square(520),
            OriginalTemplateSize = ImageShape.Square(512),
        },
        ParticleStackConstrained = new ParticleStackConfig
        {
            DfPath = "b.csv",
            ExtractedBoxSize = ImageShape.Square(520),
            OriginalTemplateSize = ImageShape.Square(512),
        },
        DefocusRefinementConfig = new DefocusSearchConfig { Enabled = false },
        OrientationRefinementConfig = new ConstrainedOrientationConfig
        {
            PhiMin = 0,
            PhiMax = 0,
            ThetaStep = 1,
            ThetaMin = -8,
            ThetaMax = 2,
            PsiStep = 1,
            PsiMin = -13,
            PsiMax = 2,
        },
        PreprocessingFilters = new PreprocessingFilters(),
        ComputationalConfig = new ComputationalConfigMatch(),
    };

    [Fact]
    public void Upstreams_documented_uniform_grid_has_165_offsets()
    {
        // Spec §5.3: phi 0..0, theta −8..2 (11 rings), psi −13..2 exclusive (15 values).
        var offsets = Valid().OrientationRefinementConfig.GetOffsets();
        Assert.Equal(165, offsets.Count);
        Assert.Equal(-13, offsets.Raw[0].Psi);
        Assert.Equal(1, offsets.Raw[^1].Psi, 12);
    }

    [Fact]
    public void Defaults_are_valid_and_disabled_is_the_identity()
    {
        Assert.Empty(new ConstrainedOrientationConfig().Validate());
        Assert.Empty(Valid().Validate());
        Assert.Same(ConstrainedOffsets.None, new ConstrainedOrientationConfig { Enabled = false }.GetOffsets());
    }

    [Fact]
    public void Steps_ranges_and_axes_are_checked_naming_their_keys()
    {
        var problems = new ConstrainedOrientationConfig
        {
            BaseGridMethod = ConstrainedGridMethod.Roll,
            ThetaStep = 0,
            PsiMin = 5,
            PsiMax = -5,
            SearchRollAxis = false,
            RollAxis = (0, 0),
            RotationAxisEulerAngles = new EulerAngles(0, double.NaN, 0),
        }.Validate();

        Assert.Equal(
            ["orientation_refinement_config.theta_step", "orientation_refinement_config.rotation_axis_euler_angles",
             "orientation_refinement_config.psi_max", "orientation_refinement_config.roll_axis"],
            problems.Select(p => p.KeyPath));
    }

    [Fact]
    public void Grids_that_cannot_be_built_or_are_too_large_are_reported()
    {
        var healpix = new ConstrainedOrientationConfig { BaseGridMethod = ConstrainedGridMethod.Healpix, ThetaStep = 0.5 };
        Assert.Contains("cannot be built", Assert.Single(healpix.Validate()).Message);

        var huge = new ConstrainedOrientationConfig { ThetaStep = 0.01, PsiStep = 0.01 };
        Assert.Contains("orientation offsets (limit", Assert.Single(huge.Validate()).Message);

        var allRolls = new ConstrainedOrientationConfig { BaseGridMethod = ConstrainedGridMethod.Roll, ThetaMin = -1, ThetaMax = 1, PsiMin = -1, PsiMax = 1, RollStep = 0 };
        Assert.Equal("orientation_refinement_config.roll_step", Assert.Single(allRolls.Validate()).KeyPath);
    }

    [Fact]
    public void Both_stacks_must_share_the_template_size()
    {
        var settings = Valid() with
        {
            ParticleStackConstrained = Valid().ParticleStackConstrained with { OriginalTemplateSize = ImageShape.Square(256), ExtractedBoxSize = ImageShape.Square(264) },
        };

        var problem = Assert.Single(settings.Validate());
        Assert.Equal("particle_stack_constrained.original_template_size", problem.KeyPath);
    }
}
