using LeopardEm.Config;
using LeopardEm.Optics;
using LeopardEm.Settings;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Config;

public class OptimizeTemplateConfigTests
{
    /// <summary>The configuration of Leopard-EM's optimize_template tutorial (docs, "Optimize template configuration").</summary>
    private const string UpstreamExample = """
        particle_stack:
          df_path: results_match_template_crop_intro.csv
          extracted_box_size: [528, 528]
          original_template_size: [512, 512]
        pixel_size_coarse_search:
          enabled: true
          pixel_size_min: -0.05
          pixel_size_max: 0.05
          pixel_size_step: 0.01
        pixel_size_fine_search:
          enabled: true
          pixel_size_min: -0.008
          pixel_size_max: 0.008
          pixel_size_step: 0.001
        preprocessing_filters:
          whitening_filter:
            do_power_spectrum: true
            enabled: true
            max_freq: 1.0
            num_freq_bins: null
        computational_config:
          gpu_ids: 0
          num_cpus: 2
        simulator:
          simulator_config:
            voltage: 300.0
            apply_dose_weighting: true
            dose_start: 0.0
            dose_end: 50.0
            dose_filter_modify_signal: "rel_diff"
            upsampling: -1
            mtf_reference: "falcon4EC_300kv"
          pdb_filepath: "60S_aligned.pdb"
          volume_shape: [512, 512, 512]
          b_factor_scaling: 0.5
          additional_b_factor: 0
          pixel_spacing: 0.95
          center_atoms: true
          remove_hydrogens: true

        """;

    private static ConfigException Fails(string text) =>
        Assert.Throws<ConfigException>(() => OptimizeTemplateConfig.Parse(text, "optimize.yaml"));

    [Fact]
    public void Reads_leopard_ems_tutorial_configuration()
    {
        var settings = OptimizeTemplateConfig.Parse(UpstreamExample).Settings;

        Assert.Equal("results_match_template_crop_intro.csv", settings.ParticleStack.DfPath);
        Assert.Equal(new ImageShape(528, 528), settings.ParticleStack.ExtractedBoxSize);
        // ±0.05 in 0.01 steps: torch.arange's float noise adds +0.06 (spec §4.1); ±0.008 in 0.001 steps: 17 values.
        Assert.Equal(12, settings.PixelSizeCoarseSearch.GetPixelSizeOffsets().Length);
        Assert.Equal(17, settings.PixelSizeFineSearch.GetPixelSizeOffsets().Length);
        Assert.Equal(CorrelationScheduling.Batched, settings.ComputationalConfig.Backend);
        var simulator = settings.Simulator;
        Assert.Equal(("60S_aligned.pdb", 512, 0.95, 0.5, 0.0), (simulator.PdbFilepath, simulator.BoxSize, simulator.PixelSpacing, simulator.BFactorScaling, simulator.AdditionalBFactor));
        Assert.Equal((50.0, DoseFilterModifier.RelativeDifference, "falcon4EC_300kv"),
            (simulator.SimulatorConfig.DoseEnd, simulator.SimulatorConfig.DoseFilterModifySignal, simulator.SimulatorConfig.MtfReference));
        Assert.True(settings.ApplyGlobalFiltering);
    }

    [Fact]
    public void Written_settings_read_back_unchanged_in_leopard_ems_layout()
    {
        var settings = OptimizeTemplateConfig.Parse(UpstreamExample).Settings with
        {
            PixelSizeFineSearch = new PixelSizeSearchConfig { Enabled = false, PixelSizeStep = 0.002, SkipEnforceZero = true },
            ComputationalConfig = new ComputationalConfigMatch { GpuIds = GpuIds.Cpu, NumCpus = 4 },
            ApplyGlobalFiltering = false,
        };
        settings = settings with
        {
            Simulator = settings.Simulator with
            {
                RemoveWaters = true,
                CenterAtoms = false,
                SimulatorConfig = settings.Simulator.SimulatorConfig with { ApplyDqe = false, Upsampling = 2, CritExposureBfactor = 30 },
            },
        };

        var yaml = OptimizeTemplateConfig.ToYaml(settings);
        var read = OptimizeTemplateConfig.Parse(yaml, "written.yaml");

        Assert.Equal(settings, read.Settings);
        Assert.Empty(read.Warnings);
        Assert.StartsWith("apply_global_filtering: false\ncomputational_config:\n", yaml);
        Assert.Contains("particle_stack:\n  df_path: results_match_template_crop_intro.csv\n  extracted_box_size:\n  - 528\n", yaml);
        Assert.Contains("simulator:\n  additional_b_factor: 0.0\n  b_factor_scaling: 0.5\n  center_atoms: false\n", yaml);
        Assert.Contains("  simulator_config:\n    apply_dose_weighting: true\n    apply_dqe: false\n", yaml);
        Assert.Contains("    dose_filter_modify_signal: rel_diff\n", yaml);
    }

    [Fact]
    public void Our_extra_simulator_key_is_written_only_when_set()
    {
        var settings = OptimizeTemplateConfig.Parse(UpstreamExample).Settings;
        Assert.DoesNotContain("remove_waters", OptimizeTemplateConfig.ToYaml(settings));
        Assert.Equal(settings, OptimizeTemplateConfig.Parse(OptimizeTemplateConfig.ToYaml(settings)).Settings);
    }

    [Fact]
    public void Unknown_keys_and_bad_types_are_reported_with_their_lines()
    {
        var text = UpstreamExample
            .Replace("  pixel_size_step: 0.01\n", "  pixel_size_stp: 0.01\n", StringComparison.Ordinal)
            .Replace("    voltage: 300.0", "    voltage: high", StringComparison.Ordinal)
            .Replace("  volume_shape: [512, 512, 512]", "  volume_shape: [512, 512.5, 512]", StringComparison.Ordinal);

        var errors = Fails(text).Errors;

        Assert.Collection(
            errors,
            e => Assert.Equal(("pixel_size_coarse_search.pixel_size_stp", 9), (e.KeyPath, e.Location!.Value.Line)),
            e => Assert.Equal(("simulator.simulator_config.voltage", 26), (e.KeyPath, e.Location!.Value.Line)),
            e => Assert.Equal(("simulator.volume_shape", 34), (e.KeyPath, e.Location!.Value.Line)));
        Assert.Contains("Did you mean 'pixel_size_step'?", errors[0].Message);
    }

    [Fact]
    public void Invalid_values_point_at_their_keys_and_lines()
    {
        var text = UpstreamExample
            .Replace("  volume_shape: [512, 512, 512]", "  volume_shape: [400, 400, 400]", StringComparison.Ordinal)
            .Replace("  pixel_size_step: 0.001", "  pixel_size_step: 0.0", StringComparison.Ordinal)
            .Replace("dose_end: 50.0", "dose_end: 0.0", StringComparison.Ordinal);

        var errors = Fails(text).Errors;

        Assert.Equal(
            [
                ("pixel_size_fine_search.pixel_size_step", 14),
                ("simulator.simulator_config.dose_end", 29),
                ("simulator.volume_shape", 34),
            ],
            errors.Select(e => (e.KeyPath, e.Location!.Value.Line)).Order());
        Assert.Contains(errors, e => e.Message.Contains("must match particle_stack.original_template_size [512, 512]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pixel_search_reaching_zero_is_refused_at_its_key()
    {
        var text = UpstreamExample.Replace("  pixel_size_min: -0.05", "  pixel_size_min: -0.95", StringComparison.Ordinal);

        var error = Assert.Single(Fails(text).Errors);

        Assert.Equal(("pixel_size_coarse_search.pixel_size_min", 7), (error.KeyPath, error.Location!.Value.Line));
        Assert.Contains("must stay positive", error.Message);
    }

    [Fact]
    public void Required_blocks_are_required()
    {
        var text = UpstreamExample[..UpstreamExample.IndexOf("simulator:", StringComparison.Ordinal)]
            .Replace("pixel_size_fine_search:", "pixel_size_fine:", StringComparison.Ordinal);

        var messages = Fails(text).Errors.Select(e => e.Message).ToList();

        Assert.Contains(messages, m => m.StartsWith("pixel_size_fine_search is required", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("simulator is required", StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_file_loads()
    {
        var loaded = OptimizeTemplateConfig.Load(RepositoryFiles.Path("examples/optimize_template.yaml"));

        Assert.Empty(loaded.Warnings);
        Assert.Equal(new ImageShape(64, 64), loaded.Settings.ParticleStack.OriginalTemplateSize);
        Assert.Equal(11, loaded.Settings.PixelSizeFineSearch.GetPixelSizeOffsets().Length);
        Assert.Equal(1.5, loaded.Settings.Simulator.PixelSpacing);
    }
}
