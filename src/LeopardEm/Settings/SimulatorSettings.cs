namespace LeopardEm.Settings;

/// <summary>
/// A template simulation from an atomic model: YAML block <c>simulator</c> of optimize_template, or the root of a
/// standalone simulation file (ttsim3d <c>Simulator</c>). The simulated potential is a cubic float32 volume of
/// <see cref="VolumeShape"/> voxels at <see cref="PixelSpacing"/> Å, with the model's origin (its centroid when
/// <see cref="CenterAtoms"/>) at voxel (N/2, N/2, N/2).
/// </summary>
public sealed record SimulatorSettings
{
    /// <summary>YAML key of this block in optimize_template configurations.</summary>
    public const string YamlKey = "simulator";

    /// <summary><c>pixel_spacing</c>: voxel size of the template in Å (&gt; 0). Default 1.</summary>
    public double PixelSpacing { get; init; } = 1.0;

    /// <summary><c>volume_shape</c>: (depth, height, width) in voxels; must be cubic and even. Default 400³.</summary>
    public ValueList<int> VolumeShape { get; init; } = [400, 400, 400];

    /// <summary><c>pdb_filepath</c>: the atomic model, PDB or mmCIF. Required.</summary>
    public required string PdbFilepath { get; init; }

    /// <summary><c>center_atoms</c>: move the centroid (unweighted mean position) of the simulated atoms to the
    /// origin. Default true.</summary>
    public bool CenterAtoms { get; init; } = true;

    /// <summary><c>remove_hydrogens</c>: leave out hydrogen and deuterium atoms. Default true.</summary>
    public bool RemoveHydrogens { get; init; } = true;

    /// <summary><c>remove_waters</c> (Leopard-EM for .NET only): leave out water molecules (HOH, WAT, H2O, DOD, D2O).
    /// Default false, as ttsim3d keeps them.</summary>
    public bool RemoveWaters { get; init; }

    /// <summary><c>b_factor_scaling</c>: factor applied to every atom's B-factor from the file. Default 1.</summary>
    public double BFactorScaling { get; init; } = 1.0;

    /// <summary><c>additional_b_factor</c>: B-factor in Å² added to every atom after scaling. Default 0.</summary>
    public double AdditionalBFactor { get; init; }

    /// <summary><c>simulator_config</c>: voltage, dose weighting, MTF and upsampling.</summary>
    public SimulatorConfig SimulatorConfig { get; init; } = new();

    /// <summary>Edge length N of the cubic volume in voxels (<c>volume_shape[0]</c>).</summary>
    public int BoxSize => VolumeShape.Count > 0 ? VolumeShape[0] : 0;

    /// <summary>Checks every value; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block ("" for a standalone file), used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey)
    {
        var p = new ProblemCollector();
        string K(string key) => ProblemCollector.Join(keyPath, key);
        p.GreaterThan(K("pixel_spacing"), PixelSpacing, 0);
        if (VolumeShape.Count != 3 || VolumeShape.Any(n => n != VolumeShape[0]))
        {
            p.Add(K("volume_shape"), $"{K("volume_shape")} must be three equal sizes (a cubic volume), got [{string.Join(", ", VolumeShape)}]");
        }
        else if (VolumeShape[0] < 2 || VolumeShape[0] % 2 != 0)
        {
            p.Add(K("volume_shape"), $"{K("volume_shape")} must be an even size of at least 2, got {VolumeShape[0]}");
        }

        p.NotEmpty(K("pdb_filepath"), PdbFilepath);
        p.Finite(K("b_factor_scaling"), BFactorScaling);
        p.Finite(K("additional_b_factor"), AdditionalBFactor);
        p.AddRange(SimulatorConfig.Validate(K(SimulatorConfig.YamlKey)));
        return p.Problems;
    }
}
