using LeopardEm.Optics;

namespace LeopardEm.Settings;

/// <summary>
/// Physics and filters of a template simulation: YAML block <c>simulator_config</c> inside <c>simulator</c>
/// (ttsim3d <c>SimulatorConfig</c>). ttsim3d's <c>store_volume</c> and <c>atom_batch_size</c> are accepted by the reader
/// and have no effect here.
/// </summary>
public sealed record SimulatorConfig
{
    /// <summary>YAML key of this block inside <c>simulator</c>.</summary>
    public const string YamlKey = "simulator_config";

    /// <summary>Value of <see cref="Upsampling"/> that lets the simulator choose (4 above 1.5 Å/px, 2 above 0.75 Å/px,
    /// else 1, each only while the upsampled box stays below 1536 voxels).</summary>
    public const int AutomaticUpsampling = -1;

    /// <summary><c>voltage</c>: accelerating voltage in kV (&gt; 0). Default 300.</summary>
    public double Voltage { get; init; } = 300.0;

    /// <summary><c>apply_dose_weighting</c>: attenuate by the cumulative dose filter from <see cref="DoseStart"/> to
    /// <see cref="DoseEnd"/>. Default true.</summary>
    public bool ApplyDoseWeighting { get; init; } = true;

    /// <summary><c>crit_exposure_bfactor</c>: −1 for the Grant–Grigorieff critical exposure, otherwise a critical
    /// B-factor in Å² (≥ 0). Default −1.</summary>
    public double CritExposureBfactor { get; init; } = CumulativeDoseFilter.GrantGrigorieff;

    /// <summary><c>dose_filter_modify_signal</c>: <c>"None"</c>, <c>"sqrt"</c> or <c>"rel_diff"</c>. Default
    /// "None".</summary>
    public DoseFilterModifier DoseFilterModifySignal { get; init; } = DoseFilterModifier.None;

    /// <summary><c>dose_start</c>: exposure before the first frame in e⁻/Å² (≥ 0). Default 0.</summary>
    public double DoseStart { get; init; }

    /// <summary><c>dose_end</c>: total exposure in e⁻/Å² (&gt; <see cref="DoseStart"/> when dose weighting is on).
    /// Default 30.</summary>
    public double DoseEnd { get; init; } = 30.0;

    /// <summary><c>apply_dqe</c>: multiply by the detector MTF of <see cref="MtfReference"/>. Default true.</summary>
    public bool ApplyDqe { get; init; } = true;

    /// <summary><c>mtf_reference</c>: path of a RELION MTF STAR file, or a ttsim3d built-in name resolved by
    /// <see cref="Io.MtfCatalog"/>. Default "k2_300kv".</summary>
    public string MtfReference { get; init; } = "k2_300kv";

    /// <summary><c>upsampling</c>: oversampling factor of the simulation grid (≥ 1), or
    /// <see cref="AutomaticUpsampling"/>. Default −1.</summary>
    public int Upsampling { get; init; } = AutomaticUpsampling;

    /// <summary>The dose filter these settings describe, or null when dose weighting is off.</summary>
    public CumulativeDoseFilter? DoseFilter => ApplyDoseWeighting
        ? new CumulativeDoseFilter(DoseStart, DoseEnd, CritExposureBfactor, DoseFilterModifySignal)
        : null;

    /// <summary>Checks every value; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey)
    {
        var p = new ProblemCollector();
        string K(string key) => ProblemCollector.Join(keyPath, key);
        p.GreaterThan(K("voltage"), Voltage, 0);
        p.AtLeast(K("dose_start"), DoseStart, 0);
        p.AtLeast(K("dose_end"), DoseEnd, 0);
        if (ApplyDoseWeighting && double.IsFinite(DoseStart) && DoseEnd <= DoseStart)
        {
            p.Add(K("dose_end"), $"{K("dose_end")} must be greater than dose_start ({ProblemCollector.Format(DoseStart)}) " +
                                 $"when apply_dose_weighting is true, got {ProblemCollector.Format(DoseEnd)}");
        }

        if (p.Finite(K("crit_exposure_bfactor"), CritExposureBfactor) &&
            CritExposureBfactor < 0 && CritExposureBfactor != CumulativeDoseFilter.GrantGrigorieff)
        {
            p.Add(K("crit_exposure_bfactor"),
                $"{K("crit_exposure_bfactor")} must be -1 (Grant-Grigorieff critical exposure) or a B-factor >= 0, " +
                $"got {ProblemCollector.Format(CritExposureBfactor)}");
        }

        if (ApplyDqe)
        {
            p.NotEmpty(K("mtf_reference"), MtfReference);
        }

        if (Upsampling != AutomaticUpsampling && Upsampling < 1)
        {
            p.Add(K("upsampling"), $"{K("upsampling")} must be -1 (automatic) or at least 1, got {Upsampling}");
        }

        return p.Problems;
    }
}
