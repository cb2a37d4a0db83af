using LeopardEm.Optics;
using LeopardEm.Settings;
using YamlDotNet.RepresentationModel;

namespace LeopardEm.Config;

/// <summary>
/// YAML → <see cref="SimulatorSettings"/>: ttsim3d's <c>Simulator</c> mapping (the <c>simulator</c> block of
/// optimize_template, or the root of a standalone simulation file) and its <c>simulator_config</c>. Unknown keys are
/// errors, as in ttsim3d.
/// </summary>
internal static class SimulatorBlockReader
{
    /// <summary>ttsim3d's names of the dose-filter modifiers.</summary>
    internal static readonly Dictionary<string, DoseFilterModifier> Modifiers = new(StringComparer.Ordinal)
    {
        ["None"] = DoseFilterModifier.None,
        ["sqrt"] = DoseFilterModifier.Sqrt,
        ["rel_diff"] = DoseFilterModifier.RelativeDifference,
    };

    public static SimulatorSettings Read(ParseContext context, YamlBlock b)
    {
        var s = new SimulatorSettings { PdbFilepath = b.RequiredString("pdb_filepath") };
        s = s with
        {
            PixelSpacing = b.Double("pixel_spacing", s.PixelSpacing),
            VolumeShape = ReadVolumeShape(b, s.VolumeShape),
            CenterAtoms = b.Bool("center_atoms", s.CenterAtoms),
            RemoveHydrogens = b.Bool("remove_hydrogens", s.RemoveHydrogens),
            RemoveWaters = b.Bool("remove_waters", s.RemoveWaters),
            BFactorScaling = b.Double("b_factor_scaling", s.BFactorScaling),
            AdditionalBFactor = b.Double("additional_b_factor", s.AdditionalBFactor),
            SimulatorConfig = ReadConfig(context, b.Block(SimulatorConfig.YamlKey, required: true)),
        };
        b.RejectUnknownKeys();
        return s;
    }

    private static SimulatorConfig ReadConfig(ParseContext context, YamlBlock b)
    {
        var c = new SimulatorConfig();
        c = c with
        {
            Voltage = b.Double("voltage", c.Voltage),
            ApplyDoseWeighting = b.Bool("apply_dose_weighting", c.ApplyDoseWeighting),
            CritExposureBfactor = b.Double("crit_exposure_bfactor", c.CritExposureBfactor),
            DoseFilterModifySignal = b.Choice("dose_filter_modify_signal", c.DoseFilterModifySignal, Modifiers),
            DoseStart = b.Double("dose_start", c.DoseStart),
            DoseEnd = b.Double("dose_end", c.DoseEnd),
            ApplyDqe = b.Bool("apply_dqe", c.ApplyDqe),
            MtfReference = b.NullableString("mtf_reference", c.MtfReference) ?? c.MtfReference,
            Upsampling = b.Int("upsampling", c.Upsampling),
        };

        // ttsim3d's memory knobs: the slab renderer needs neither.
        foreach (var key in new[] { "store_volume", "atom_batch_size" })
        {
            if (b.Raw(key) is not null && context.Locations.TryGetValue(b.KeyPath(key), out var at))
            {
                context.Warn(b.KeyPath(key), at,
                    $"{b.KeyPath(key)} at {at} has no effect in Leopard-EM for .NET (atoms are rendered slab by slab) " +
                    "and is ignored");
            }
        }

        b.RejectUnknownKeys();
        return c;
    }

    /// <summary>pydantic's <c>tuple[int, int, int]</c>: whole numbers only (400 and 400.0 are fine, 400.5 is not).</summary>
    private static ValueList<int> ReadVolumeShape(YamlBlock b, ValueList<int> fallback)
    {
        const string key = "volume_shape";
        var numbers = b.NullableDoubleList(key, null);
        if (numbers is null)
        {
            if (b.Raw(key) is { } node)
            {
                b.TypeError(key, node, "a list of three integers");
            }

            return fallback;
        }

        if (numbers.Any(v => v != Math.Floor(v) || v is < int.MinValue or > int.MaxValue))
        {
            b.TypeError(key, b.Raw(key)!, "a list of three integers");
            return fallback;
        }

        return new ValueList<int>(numbers.Select(v => (int)v));
    }
}
