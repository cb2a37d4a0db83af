using LeopardEm.Optics;
using LeopardEm.Settings;

namespace LeopardEm.Tests.Settings;

/// <summary>ttsim3d's Simulator and SimulatorConfig defaults, plus our stricter checks.</summary>
public class SimulatorSettingsTests
{
    private static readonly SimulatorSettings Valid = new() { PdbFilepath = "model.cif" };

    [Fact]
    public void Defaults_match_ttsim3d()
    {
        Assert.Equal((1.0, 400, true, true, false, 1.0, 0.0),
            (Valid.PixelSpacing, Valid.BoxSize, Valid.CenterAtoms, Valid.RemoveHydrogens, Valid.RemoveWaters, Valid.BFactorScaling, Valid.AdditionalBFactor));
        var c = Valid.SimulatorConfig;
        Assert.Equal((300.0, true, -1.0, DoseFilterModifier.None, 0.0, 30.0, true, "k2_300kv", -1),
            (c.Voltage, c.ApplyDoseWeighting, c.CritExposureBfactor, c.DoseFilterModifySignal, c.DoseStart, c.DoseEnd, c.ApplyDqe, c.MtfReference, c.Upsampling));
        Assert.Empty(Valid.Validate());
        Assert.Equal(new CumulativeDoseFilter(0, 30), c.DoseFilter);
        Assert.Null((c with { ApplyDoseWeighting = false }).DoseFilter);
    }

    public static TheoryData<SimulatorSettings, string, string> Invalid => new()
    {
        { Valid with { PixelSpacing = 0 }, "simulator.pixel_spacing", "greater than 0" },
        { Valid with { VolumeShape = [400, 400, 300] }, "simulator.volume_shape", "cubic" },
        { Valid with { VolumeShape = [401, 401, 401] }, "simulator.volume_shape", "even" },
        { Valid with { PdbFilepath = " " }, "simulator.pdb_filepath", "must not be empty" },
        { Valid with { AdditionalBFactor = double.NaN }, "simulator.additional_b_factor", "finite" },
        { Valid with { SimulatorConfig = new SimulatorConfig { Voltage = 0 } }, "simulator.simulator_config.voltage", "greater than 0" },
        { Valid with { SimulatorConfig = new SimulatorConfig { DoseEnd = 0 } }, "simulator.simulator_config.dose_end", "greater than dose_start" },
        { Valid with { SimulatorConfig = new SimulatorConfig { CritExposureBfactor = -2 } }, "simulator.simulator_config.crit_exposure_bfactor", "-1" },
        { Valid with { SimulatorConfig = new SimulatorConfig { Upsampling = 0 } }, "simulator.simulator_config.upsampling", "-1 (automatic)" },
        { Valid with { SimulatorConfig = new SimulatorConfig { MtfReference = "" } }, "simulator.simulator_config.mtf_reference", "must not be empty" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_values_name_their_key(SimulatorSettings settings, string keyPath, string wording)
    {
        var problem = Assert.Single(settings.Validate());

        Assert.Equal(keyPath, problem.KeyPath);
        Assert.Contains(wording, problem.Message);
    }

    [Fact]
    public void Disabled_filters_do_not_need_their_parameters()
    {
        var settings = Valid with { SimulatorConfig = new SimulatorConfig { ApplyDoseWeighting = false, DoseEnd = 0, ApplyDqe = false, MtfReference = "" } };

        Assert.Empty(settings.Validate());
    }
}
