using LeopardEm.Config;
using LeopardEm.Orientations;
using LeopardEm.Settings;
using LeopardEm.Tests.Settings;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Config;

public class ConstrainedSearchConfigTests
{
    /// <summary>Leopard-EM's programs/constrained_search/constrained_search_example_config.yaml (its spellings
    /// <c>centre_vector</c> and, in the spec's version, <c>defocus_search_config</c> are rejected by its own manager).
    /// Line numbers matter: centre_vector is line 11, roll_axis line 26.</summary>
    private const string UpstreamExample = """
        template_volume_path: /some/path/to/template.mrc # Volume of small particle
        particle_stack_reference: # This is from the reference particles
          df_path: /some/path/to/particles.csv  # Needs to be readable by pandas
          extracted_box_size: [528, 528]
          original_template_size: [512, 512]
        particle_stack_constrained: # This is from the constrained particles
          df_path: /some/path/to/particles.csv  # Needs to be readable by pandas
          extracted_box_size: [528, 528]
          original_template_size: [512, 512]
        # Vector from reference particle to constrained particle in Angstroms
        centre_vector: [53.658134, 82.582367, 47.170788]
        orientation_refinement_config:
          enabled: true
          base_grid_method: roll
          psi_step: 1.0   # psi in degrees
          theta_step: 1.0   # theta and phi in degrees
          rotation_axis_euler_angles: [0.0, 0.0, 0.0] # This is the rotation axis
          phi_min: -0.0
          phi_max: 0.0
          theta_min: -8.0
          theta_max: 2.0
          psi_min: -13.0
          psi_max: 2.0
          search_roll_axis: true
          # [x,y] This defines the roll axis (orthogonal to the rotation axis). None means search
          roll_axis: [0,1]
          roll_step: 2.0
        defocus_refinement_config:
          enabled: false
        preprocessing_filters:
          whitening_filter:
            do_power_spectrum: true
            enabled: true
            max_freq: 0.5  # In terms of Nyquist frequency
            num_freq_bins: null
          bandpass_filter:
            enabled: false
            falloff: null
            high_freq_cutoff: null
            low_freq_cutoff: null
        computational_config:
          gpu_ids: 0
          num_cpus: 1

        """;

    private static ConfigException Fails(string text) =>
        Assert.Throws<ConfigException>(() => ConstrainedSearchConfig.Parse(text, "constrained.yaml"));

    [Fact]
    public void Reads_leopard_ems_example_and_says_what_it_reads_differently()
    {
        var loaded = ConstrainedSearchConfig.Parse(UpstreamExample);
        var settings = loaded.Settings;

        Assert.Equal(new CenterVector(53.658134, 82.582367, 47.170788), settings.CenterVector);
        Assert.Equal(new ImageShape(528, 528), settings.ParticleStackConstrained.ExtractedBoxSize);
        Assert.Equal([0f], settings.DefocusRefinementConfig.GetRelativeDefocusValues());
        Assert.Equal(ConstrainedGridMethod.Roll, settings.OrientationRefinementConfig.BaseGridMethod);
        Assert.Equal((0.0, 1.0), settings.OrientationRefinementConfig.RollAxis);
        Assert.Null(settings.OrientationRefinementConfig.SearchedRollAxis);
        Assert.Equal(90 * 11 * 16, settings.OrientationRefinementConfig.GetOffsets().Count);
        Assert.Equal(CorrelationScheduling.Batched, settings.ComputationalConfig.Backend);
        Assert.Collection(
            loaded.Warnings,
            w => Assert.Equal(("centre_vector", 11), (w.KeyPath, w.Location!.Value.Line)),
            w => Assert.Equal(("orientation_refinement_config.roll_axis", 26), (w.KeyPath, w.Location!.Value.Line)));
        Assert.Contains("read as center_vector", loaded.Warnings[0].Message);
        Assert.Contains("ignored because search_roll_axis is true", loaded.Warnings[1].Message);
    }

    [Fact]
    public void The_examples_defocus_search_config_is_read_with_a_warning()
    {
        var text = UpstreamExample.Replace("defocus_refinement_config:\n  enabled: false", "defocus_search_config:\n  defocus_step: 50.0", StringComparison.Ordinal);

        var loaded = ConstrainedSearchConfig.Parse(text);

        Assert.Equal(50.0, loaded.Settings.DefocusRefinementConfig.DefocusStep);
        var warning = Assert.Single(loaded.Warnings, w => w.KeyPath == "defocus_search_config");
        Assert.Equal(28, warning.Location!.Value.Line);
        Assert.Contains("defocus_refinement_config", warning.Message);

        // A bad value in the aliased block points at its line.
        var bad = text.Replace("  defocus_step: 50.0", "  defocus_step: -50.0", StringComparison.Ordinal);
        var error = Assert.Single(Fails(bad).Errors);
        Assert.Equal(("defocus_refinement_config.defocus_step", 29), (error.KeyPath, error.Location!.Value.Line));

        var both = text.Replace("defocus_search_config:", "defocus_refinement_config: {}\ndefocus_search_config:", StringComparison.Ordinal);
        Assert.Contains(Fails(both).Errors, e => e.KeyPath == "defocus_search_config" && e.Message.Contains("give only defocus_refinement_config", StringComparison.Ordinal));
    }

    [Fact]
    public void Written_settings_read_back_unchanged_in_leopard_ems_layout()
    {
        var settings = ConstrainedSearchSettingsTests.Valid() with
        {
            OrientationRefinementConfig = new ConstrainedOrientationConfig
            {
                PhiStep = 3,
                RotationAxisEulerAngles = new EulerAngles(12.5, 80, 0),
                BaseGridMethod = ConstrainedGridMethod.Roll,
                SearchRollAxis = false,
                RollAxis = null,
                ThetaMin = -4,
                ThetaMax = 4,
                PsiMin = -6,
                PsiMax = 6,
            },
            DefocusRefinementConfig = new DefocusSearchConfig { DefocusMin = -300, DefocusMax = 300, DefocusStep = 100 },
        };

        var yaml = ConstrainedSearchConfig.ToYaml(settings);

        Assert.Equal(settings, ConstrainedSearchConfig.Parse(yaml, "written.yaml").Settings);
        Assert.StartsWith("center_vector:\n- 53.65\n- 82.58\n- 47.17\ncomputational_config:\n", yaml);
        Assert.Contains("\n  roll_axis: null\n", yaml);
        Assert.Contains("\ndefocus_refinement_config:\n", yaml);
    }

    [Fact]
    public void Bad_configurations_are_reported_with_their_lines()
    {
        var text = UpstreamExample
            .Replace("  roll_step: 2.0", "  roll_stepp: 2.0", StringComparison.Ordinal)
            .Replace("base_grid_method: roll", "base_grid_method: basic", StringComparison.Ordinal)
            .Replace("rotation_axis_euler_angles: [0.0, 0.0, 0.0]", "rotation_axis_euler_angles: [0.0, 0.0]", StringComparison.Ordinal);

        var errors = Fails(text).Errors;

        Assert.Collection(
            errors,
            e => Assert.Equal(("orientation_refinement_config.base_grid_method", 14), (e.KeyPath, e.Location!.Value.Line)),
            e => Assert.Equal(("orientation_refinement_config.rotation_axis_euler_angles", 17), (e.KeyPath, e.Location!.Value.Line)),
            e => Assert.Equal(("orientation_refinement_config.roll_stepp", 27), (e.KeyPath, e.Location!.Value.Line)));
        Assert.Contains("one of: uniform, healpix, roll", errors[0].Message);
        Assert.Contains("a list of three angles", errors[1].Message);
        Assert.Contains("Did you mean 'roll_step'?", errors[2].Message);
    }

    [Fact]
    public void Invalid_values_and_missing_blocks_point_at_their_keys()
    {
        var invalid = UpstreamExample.Replace("  theta_step: 1.0", "  theta_step: 0", StringComparison.Ordinal);
        var error = Assert.Single(Fails(invalid).Errors);
        Assert.Equal(("orientation_refinement_config.theta_step", 16), (error.KeyPath, error.Location!.Value.Line));

        var missing = UpstreamExample.Replace("particle_stack_constrained:", "particle_stack_constraint:", StringComparison.Ordinal);
        var errors = Fails(missing).Errors;
        Assert.Contains(errors, e => e.Message.StartsWith("particle_stack_constrained is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.KeyPath == "particle_stack_constraint" && e.Location!.Value.Line == 6);
    }

    [Fact]
    public void The_example_file_loads()
    {
        var settings = ConstrainedSearchConfig.Load(RepositoryFiles.Path("examples/constrained_search.yaml")).Settings;
        Assert.Equal(5 * 7, settings.OrientationRefinementConfig.GetOffsets().Count);
        Assert.Equal(5, settings.DefocusRefinementConfig.GetRelativeDefocusValues().Length);
    }
}
