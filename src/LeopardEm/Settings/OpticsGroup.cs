namespace LeopardEm.Settings;

/// <summary>
/// Microscope optics and CTF parameters of one micrograph: YAML block <c>optics_group</c> (Leopard-EM
/// <c>OpticsGroup</c>).
/// </summary>
public sealed record OpticsGroup
{
    /// <summary>YAML key of this block under the match-template root.</summary>
    public const string YamlKey = "optics_group";

    /// <summary>Zernike keys the CTF accepts in <see cref="OddZernikes"/>.</summary>
    public static readonly IReadOnlyList<string> OddZernikeKeys = ["Z31c", "Z31s", "Z33c", "Z33s"];

    /// <summary>Zernike keys the CTF accepts in <see cref="EvenZernikes"/>.</summary>
    public static readonly IReadOnlyList<string> EvenZernikeKeys = ["Z44c", "Z44s", "Z60"];

    /// <summary><c>label</c>: free-text name of the optics group (carried along, not used). Required.</summary>
    public required string Label { get; init; }

    /// <summary><c>pixel_size</c>: Å per pixel, &gt; 0. Required.</summary>
    public required double PixelSize { get; init; }

    /// <summary><c>voltage</c>: acceleration voltage in kV, &gt; 0. Required.</summary>
    public required double Voltage { get; init; }

    /// <summary><c>spherical_aberration</c>: Cs in mm, ≥ 0. Default 2.7.</summary>
    public double SphericalAberration { get; init; } = 2.7;

    /// <summary><c>amplitude_contrast_ratio</c>: fraction in [0, 1]. Default 0.07.</summary>
    public double AmplitudeContrastRatio { get; init; } = 0.07;

    /// <summary><c>phase_shift</c>: additional phase shift in degrees (phase plate). Default 0.</summary>
    public double PhaseShift { get; init; }

    /// <summary><c>defocus_u</c>: defocus along the major axis in Å (positive = underfocus). Required.</summary>
    public required double DefocusU { get; init; }

    /// <summary><c>defocus_v</c>: defocus along the minor axis in Å. Required.</summary>
    public required double DefocusV { get; init; }

    /// <summary><c>astigmatism_angle</c>: angle of the defocus_u axis from +x in degrees. Required.</summary>
    public required double AstigmatismAngle { get; init; }

    /// <summary><c>ctf_B_factor</c>: B-factor of the amplitude envelope exp(−B k²/4) in Å², ≥ 0. Default 0.</summary>
    public double CtfBFactor { get; init; }

    /// <summary><c>chromatic_aberration</c>: Cc in mm, ≥ 0 or null; not used by match_template. Default 0.</summary>
    public double? ChromaticAberration { get; init; } = 0.0;

    /// <summary><c>mtf_reference</c>: path of a detector MTF file, or null; not used by match_template. Default
    /// null.</summary>
    public string? MtfReference { get; init; }

    /// <summary><c>mtf_values</c>: detector MTF samples, or null; not used by match_template. Default null.</summary>
    public ValueList<double>? MtfValues { get; init; }

    /// <summary><c>beam_tilt_x</c>: beam tilt in mrad, or null; carried only (upstream never forwards it to the
    /// CTF). Default null.</summary>
    public double? BeamTiltX { get; init; }

    /// <summary><c>beam_tilt_y</c>: beam tilt in mrad, or null; carried only. Default null.</summary>
    public double? BeamTiltY { get; init; }

    /// <summary><c>odd_zernikes</c>: odd aberration coefficients keyed Z31c, Z31s, Z33c, Z33s, or null; non-null
    /// makes the CTF complex. Default null.</summary>
    public ValueMap<double>? OddZernikes { get; init; }

    /// <summary><c>even_zernikes</c>: even aberration coefficients keyed Z44c, Z44s, Z60, or null. Default
    /// null.</summary>
    public ValueMap<double>? EvenZernikes { get; init; }

    /// <summary><c>mag_matrix</c>: anisotropic magnification as exactly 4 numbers <c>[m0, m1, m2, m3]</c> = the
    /// real-space 2×2 matrix [[m0, m1], [m2, m3]] acting on (y, x), or null. Default null.</summary>
    public ValueList<double>? MagMatrix { get; init; }

    /// <summary>Checks ranges and allowed keys; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey)
    {
        var p = new ProblemCollector();
        string K(string key) => ProblemCollector.Join(keyPath, key);

        // Zero pixel size or voltage would divide by zero in the CTF; upstream only demands >= 0.
        p.GreaterThan(K("pixel_size"), PixelSize, 0);
        p.GreaterThan(K("voltage"), Voltage, 0);
        p.AtLeast(K("spherical_aberration"), SphericalAberration, 0);
        p.Between(K("amplitude_contrast_ratio"), AmplitudeContrastRatio, 0, 1);
        p.Finite(K("phase_shift"), PhaseShift);
        p.Finite(K("defocus_u"), DefocusU);
        p.Finite(K("defocus_v"), DefocusV);
        p.Finite(K("astigmatism_angle"), AstigmatismAngle);
        p.AtLeast(K("ctf_B_factor"), CtfBFactor, 0);
        p.AtLeast(K("chromatic_aberration"), ChromaticAberration, 0);
        p.Finite(K("beam_tilt_x"), BeamTiltX);
        p.Finite(K("beam_tilt_y"), BeamTiltY);
        CheckList(p, K("mtf_values"), MtfValues);
        CheckList(p, K("mag_matrix"), MagMatrix);
        if (MagMatrix is { Count: not 4 })
        {
            p.Add(K("mag_matrix"), $"{K("mag_matrix")} must have exactly 4 values [m0, m1, m2, m3], got {MagMatrix.Count}");
        }

        // Upstream only fails on a wrong Zernike key when the CTF is computed; we fail at load time instead.
        CheckZernikes(p, K("odd_zernikes"), OddZernikes, OddZernikeKeys);
        CheckZernikes(p, K("even_zernikes"), EvenZernikes, EvenZernikeKeys);
        return p.Problems;
    }

    private static void CheckList(ProblemCollector p, string keyPath, ValueList<double>? values)
    {
        for (var i = 0; values is not null && i < values.Count; i++)
        {
            p.Finite($"{keyPath}[{i}]", values[i]);
        }
    }

    private static void CheckZernikes(
        ProblemCollector p, string keyPath, ValueMap<double>? values, IReadOnlyList<string> allowed)
    {
        if (values is null)
        {
            return;
        }

        foreach (var (key, value) in values)
        {
            var path = $"{keyPath}.{key}";
            if (!allowed.Contains(key))
            {
                p.Add(path, $"{keyPath} has unsupported coefficient '{key}'; allowed: {string.Join(", ", allowed)}");
            }

            p.Finite(path, value);
        }
    }
}
