using LeopardEm.Config;
using LeopardEm.Optics;
using LeopardEm.Settings;

namespace LeopardEm.Tests.Config;

/// <summary>The simulator block of optimize_template (spec §4.1 example), read standalone.</summary>
public class SimulatorYamlTests
{
    private const string Example =
        "pdb_filepath: models/6zu5.cif\n" +
        "volume_shape: [512, 512, 512]\n" +
        "pixel_spacing: 0.95\n" +
        "b_factor_scaling: 0.5\n" +
        "additional_b_factor: 0.0\n" +
        "simulator_config:\n" +
        "  voltage: 300.0\n" +
        "  apply_dose_weighting: true\n" +
        "  dose_start: 0.0\n" +
        "  dose_end: 50.0\n" +
        "  dose_filter_modify_signal: rel_diff\n" +
        "  apply_dqe: true\n" +
        "  mtf_reference: falcon4EC_300kv\n" +
        "  upsampling: -1\n";

    [Fact]
    public void Reads_the_optimize_template_example()
    {
        var s = SimulatorYaml.Parse(Example, "sim.yaml").Settings;

        Assert.Equal(("models/6zu5.cif", 512, 0.95, 0.5, true, true), (s.PdbFilepath, s.BoxSize, s.PixelSpacing, s.BFactorScaling, s.CenterAtoms, s.RemoveHydrogens));
        var c = s.SimulatorConfig;
        Assert.Equal((50.0, DoseFilterModifier.RelativeDifference, "falcon4EC_300kv", -1), (c.DoseEnd, c.DoseFilterModifySignal, c.MtfReference, c.Upsampling));
    }

    [Fact]
    public void Omitted_keys_take_ttsim3d_defaults_and_memory_knobs_only_warn()
    {
        var result = SimulatorYaml.Parse("pdb_filepath: m.pdb\nsimulator_config:\n  atom_batch_size: 4096\n  store_volume: false\n");

        Assert.Equal(new SimulatorSettings { PdbFilepath = "m.pdb" }, result.Settings);
        Assert.Equal(2, result.Warnings.Count);
        Assert.Contains(result.Warnings, w => w.Message.StartsWith(
            "simulator_config.atom_batch_size at line 3, column 3 has no effect", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_keys_bad_types_and_invalid_values_are_reported_with_their_lines()
    {
        var text = Example.Replace("  voltage: 300.0\n", "  voltag: 300.0\n", StringComparison.Ordinal)
            .Replace("[512, 512, 512]", "[512, 512.5, 512]", StringComparison.Ordinal)
            .Replace("rel_diff", "relative", StringComparison.Ordinal);

        var e = Assert.Throws<ConfigException>(() => SimulatorYaml.Parse(text, "bad.yaml"));

        Assert.Equal(3, e.Errors.Count);
        Assert.Equal(("volume_shape", 2), (e.Errors[0].KeyPath, e.Errors[0].Location!.Value.Line));
        Assert.Equal(("simulator_config.voltag", 7), (e.Errors[1].KeyPath, e.Errors[1].Location!.Value.Line));
        Assert.Contains("Did you mean 'voltage'?", e.Errors[1].Message);
        Assert.Contains("one of: None, sqrt, rel_diff", e.Errors[2].Message);

        var invalid = Assert.Throws<ConfigException>(() => SimulatorYaml.Parse(Example.Replace("0.95", "-1", StringComparison.Ordinal)));
        Assert.Equal(("pixel_spacing", 3), (invalid.KeyPath, invalid.Line));
    }

    [Fact]
    public void Required_keys_are_reported_missing()
    {
        var e = Assert.Throws<ConfigException>(() => SimulatorYaml.Parse("pixel_spacing: 1.0\n"));

        Assert.Contains(e.Errors, d => d.KeyPath == "pdb_filepath" && d.Message.Contains("required", StringComparison.Ordinal));
        Assert.Contains(e.Errors, d => d.KeyPath == "simulator_config" && d.Message.Contains("required", StringComparison.Ordinal));
    }
}
