using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// <see cref="SimulatorSettings"/> → the key/value tree of ttsim3d's <c>Simulator</c> (the <c>simulator</c> block of
/// optimize_template), every field ttsim3d has except <c>store_volume</c> and <c>atom_batch_size</c>, which have no effect
/// here (ttsim3d's defaults apply when Leopard-EM reads the file). Our extra <c>remove_waters</c> is written only when
/// true, since ttsim3d rejects unknown keys.
/// </summary>
internal static class SimulatorBlockWriter
{
    public static Dictionary<string, object?> ToTree(SimulatorSettings s)
    {
        var c = s.SimulatorConfig;
        var tree = new Dictionary<string, object?>
        {
            ["pixel_spacing"] = s.PixelSpacing,
            ["volume_shape"] = s.VolumeShape.Select(n => (object?)n).ToList(),
            ["pdb_filepath"] = s.PdbFilepath,
            ["center_atoms"] = s.CenterAtoms,
            ["remove_hydrogens"] = s.RemoveHydrogens,
            ["b_factor_scaling"] = s.BFactorScaling,
            ["additional_b_factor"] = s.AdditionalBFactor,
            [SimulatorConfig.YamlKey] = new Dictionary<string, object?>
            {
                ["voltage"] = c.Voltage,
                ["apply_dose_weighting"] = c.ApplyDoseWeighting,
                ["crit_exposure_bfactor"] = c.CritExposureBfactor,
                ["dose_filter_modify_signal"] = SimulatorBlockReader.Modifiers.Single(e => e.Value == c.DoseFilterModifySignal).Key,
                ["dose_start"] = c.DoseStart,
                ["dose_end"] = c.DoseEnd,
                ["apply_dqe"] = c.ApplyDqe,
                ["mtf_reference"] = c.MtfReference,
                ["upsampling"] = c.Upsampling,
            },
        };
        if (s.RemoveWaters)
        {
            tree["remove_waters"] = true;
        }

        return tree;
    }
}
