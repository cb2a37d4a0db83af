using LeopardEm.Config;
using LeopardEm.Orientations;
using LeopardEm.Settings;
using LeopardEm.Tests.Settings;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Config;

public class RefineTemplateConfigTests
{
    /// <summary>Leopard-EM's programs/refine_template example configuration with the movie block of its
    /// inspect_peaks twin (upstream requires movie_config).</summary>
    private const string UpstreamExample = """
        template_volume_path: /some/path/to/template.mrc
        particle_stack:
          df_path: /some/path/to/particles.csv # Needs to be readable by pandas
          extracted_box_size: [528, 528]
          original_template_size: [512, 512]
        defocus_refinement_config:
          enabled: true
          defocus_max: 100.0  # in Angstroms, relative to "best" defocus value in particle stack dataframe
          defocus_min: -100.0 # in Angstroms, relative to "best" defocus value in particle stack dataframe
          defocus_step: 20.0  # in Angstroms
        orientation_refinement_config:
          enabled: true
          psi_step_coarse: 1.5   # in degrees
          psi_step_fine: 0.15    # in degrees
          theta_step_coarse: 2.5 # in degrees
          theta_step_fine: 0.25  # in degrees
        pixel_size_refinement_config:
          enabled: false
          pixel_size_min: -0.005
          pixel_size_max: 0.005
          pixel_size_step: 0.001
        preprocessing_filters:
          whitening_filter:
            do_power_spectrum: true
            enabled: true
            max_freq: 0.5 # In terms of Nyquist frequency
            num_freq_bins: null
          bandpass_filter:
            enabled: false
            falloff: null
            high_freq_cutoff: null
            low_freq_cutoff: null
        computational_config:
          gpu_ids: 0
          num_cpus: 1
        apply_global_filtering: true
        movie_config:
          enabled: false
          movie_path: path/to/aligned_movie.mrc
          deformation_field_path: path/to/deformation_field.csv
          pre_exposure: 0.0
          fluence_per_frame: 1.0

        """;

    private static ConfigException Fails(string text) =>
        Assert.Throws<ConfigException>(() => RefineTemplateConfig.Parse(text, "refine.yaml"));

    [Fact]
    public void Reads_leopard_ems_example()
    {
        var settings = RefineTemplateConfig.Parse(UpstreamExample).Settings;

        Assert.Equal("/some/path/to/template.mrc", settings.TemplateVolumePath);
        Assert.Equal(new ImageShape(528, 528), settings.ParticleStack.ExtractedBoxSize);
        Assert.Equal(new ImageShape(512, 512), settings.ParticleStack.OriginalTemplateSize);
        Assert.Equal(11, settings.DefocusRefinementConfig.GetRelativeDefocusValues().Length);
        Assert.Equal(new RefineOrientationConfig { PsiStepFine = 0.15 }, settings.OrientationRefinementConfig);
        Assert.Equal(-0.005, settings.PixelSizeRefinementConfig.PixelSizeMin);
        Assert.Equal(GpuIds.FromIndex(0), settings.ComputationalConfig.GpuIds);
        Assert.Equal(CorrelationScheduling.Batched, settings.ComputationalConfig.Backend);
        Assert.Equal("path/to/aligned_movie.mrc", settings.MovieConfig.MoviePath);
        Assert.True(settings.ApplyGlobalFiltering);
        // The example's grid: upstream's 441 offsets, or every range (phi by its 2.5/0.25 default) symmetrically.
        Assert.Equal(441, settings.OrientationRefinementConfig.GetOffsets(LocalGridConvention.Leopard).Count);
        Assert.Equal(21 * 21 * 21, settings.OrientationRefinementConfig.GetOffsets(LocalGridConvention.Symmetric).Count);
    }

    [Fact]
    public void Movie_config_may_be_left_out()
    {
        var text = UpstreamExample[..UpstreamExample.IndexOf("movie_config:", StringComparison.Ordinal)];
        Assert.Equal(new MovieConfig(), RefineTemplateConfig.Parse(text).Settings.MovieConfig);
    }

    [Fact]
    public void Written_settings_read_back_unchanged_in_leopard_ems_layout()
    {
        var settings = RefineTemplateSettingsTests.Valid() with
        {
            OrientationRefinementConfig = new RefineOrientationConfig { PhiStepCoarse = 0, BaseGridMethod = BaseGridMethod.Healpix },
            PixelSizeRefinementConfig = new PixelSizeSearchConfig { Enabled = true, PixelSizeMin = -0.01, PixelSizeMax = 0.01, PixelSizeStep = 0.005 },
            ComputationalConfig = new ComputationalConfigMatch { GpuIds = GpuIds.Cpu, NumCpus = 4 },
            MovieConfig = new MovieConfig { MoviePath = "m.mrc", PreExposure = 2 },
            ApplyGlobalFiltering = false,
        };

        var yaml = RefineTemplateConfig.ToYaml(settings);

        Assert.Equal(settings, RefineTemplateConfig.Parse(yaml, "written.yaml").Settings);
        Assert.StartsWith("apply_global_filtering: false\ncomputational_config:\n", yaml);
        Assert.Contains("particle_stack:\n  df_path: particles.csv\n  extracted_box_size:\n  - 528\n  - 528\n", yaml);
        Assert.Contains("movie_config:\n  deformation_field_path: ''\n  enabled: false\n", yaml);
    }

    [Fact]
    public void Unknown_keys_and_bad_values_are_reported_with_their_lines()
    {
        var text = UpstreamExample
            .Replace("  psi_step_fine: 0.15", "  psi_step_fin: 0.15", StringComparison.Ordinal)
            .Replace("extracted_box_size: [528, 528]", "extracted_box_size: [528, 528, 1]", StringComparison.Ordinal)
            .Replace("  theta_step_fine: 0.25", "  theta_step_fine: 0.25\n  base_grid_method: basic", StringComparison.Ordinal);

        var errors = Fails(text).Errors;

        Assert.Collection(
            errors,
            e => Assert.Equal(("particle_stack.extracted_box_size", 4), (e.KeyPath, e.Location!.Value.Line)),
            e => Assert.Equal(("orientation_refinement_config.psi_step_fin", 14), (e.KeyPath, e.Location!.Value.Line)),
            e => Assert.Equal(("orientation_refinement_config.base_grid_method", 17), (e.KeyPath, e.Location!.Value.Line)));
        Assert.Contains("a list of two integers [height, width]", errors[0].Message);
        Assert.Contains("Did you mean 'psi_step_fine'?", errors[1].Message);
        Assert.Contains("one of: uniform, healpix", errors[2].Message);
    }

    [Fact]
    public void Invalid_values_point_at_their_keys()
    {
        var text = UpstreamExample
            .Replace("original_template_size: [512, 512]", "original_template_size: [530, 512]", StringComparison.Ordinal)
            .Replace("movie_config:\n  enabled: false", "movie_config:\n  enabled: true", StringComparison.Ordinal);

        var errors = Fails(text).Errors;

        Assert.Equal(["particle_stack.extracted_box_size", "movie_config.enabled"], errors.Select(e => e.KeyPath));
        Assert.Equal(4, errors[0].Location!.Value.Line);
        Assert.Contains("not available", errors[1].Message);
    }

    [Fact]
    public void Required_blocks_are_required_and_computational_extras_only_warn()
    {
        var text = UpstreamExample.Replace("  num_cpus: 1", "  num_cpus: 1\n  streams: 3", StringComparison.Ordinal);
        var warning = Assert.Single(RefineTemplateConfig.Parse(text).Warnings);
        Assert.Equal("computational_config.streams", warning.KeyPath);

        var missing = UpstreamExample.Replace("particle_stack:", "particle_stacks:", StringComparison.Ordinal);
        Assert.Contains(Fails(missing).Errors, e => e.Message.StartsWith("particle_stack is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_derived_from_match_template_write_a_loadable_file()
    {
        var refine = RefineTemplateSettings.ForMatchTemplate(SampleSettings.Create(), "particles.csv", 512, 528);
        Assert.Equal(refine, RefineTemplateConfig.Parse(RefineTemplateConfig.ToYaml(refine)).Settings);
    }

    [Fact]
    public void The_example_file_loads()
    {
        var settings = RefineTemplateConfig.Load(RepositoryFiles.Path("examples/refine_template.yaml")).Settings;
        Assert.Equal(11 * 11 * 11, settings.OrientationRefinementConfig.GetOffsets(LocalGridConvention.Symmetric).Count);
        Assert.Equal(9, settings.DefocusRefinementConfig.GetRelativeDefocusValues().Length);
    }
}
