using LeopardEm.Orientations;
using LeopardEm.Settings;
using YamlDotNet.RepresentationModel;

namespace LeopardEm.Config;

/// <summary>
/// YAML → settings for the blocks Leopard-EM programs share (optics, searches, orientation, filters). Keys are
/// Leopard-EM's exact snake_case names; defaults come from the settings records themselves, so they live in one
/// place.
/// </summary>
internal static class SettingsBlockReaders
{
    private static readonly Dictionary<string, CorrelationScheduling> Backends = new(StringComparer.Ordinal)
    {
        ["streamed"] = CorrelationScheduling.Streamed,
        ["batched"] = CorrelationScheduling.Batched,
    };

    /// <summary>The base grid names of match_template's orientation search.</summary>
    public static readonly IReadOnlyDictionary<string, BaseGridMethod> GridMethods =
        new Dictionary<string, BaseGridMethod>(StringComparer.Ordinal)
        {
            ["uniform"] = BaseGridMethod.Uniform,
            ["healpix"] = BaseGridMethod.Healpix,
            ["cartesian"] = BaseGridMethod.Cartesian,
        };

    public static OpticsGroup ReadOpticsGroup(YamlBlock b)
    {
        var optics = new OpticsGroup
        {
            Label = b.RequiredString("label"),
            PixelSize = b.RequiredDouble("pixel_size"),
            Voltage = b.RequiredDouble("voltage"),
            DefocusU = b.RequiredDouble("defocus_u"),
            DefocusV = b.RequiredDouble("defocus_v"),
            AstigmatismAngle = b.RequiredDouble("astigmatism_angle"),
        };
        optics = optics with
        {
            SphericalAberration = b.Double("spherical_aberration", optics.SphericalAberration),
            AmplitudeContrastRatio = b.Double("amplitude_contrast_ratio", optics.AmplitudeContrastRatio),
            PhaseShift = b.Double("phase_shift", optics.PhaseShift),
            CtfBFactor = b.Double("ctf_B_factor", optics.CtfBFactor),
            ChromaticAberration = b.NullableDouble("chromatic_aberration", optics.ChromaticAberration),
            MtfReference = b.NullableString("mtf_reference", optics.MtfReference),
            MtfValues = b.NullableDoubleList("mtf_values", optics.MtfValues),
            BeamTiltX = b.NullableDouble("beam_tilt_x", optics.BeamTiltX),
            BeamTiltY = b.NullableDouble("beam_tilt_y", optics.BeamTiltY),
            OddZernikes = b.NullableDoubleMap("odd_zernikes", optics.OddZernikes),
            EvenZernikes = b.NullableDoubleMap("even_zernikes", optics.EvenZernikes),
            MagMatrix = b.NullableDoubleList("mag_matrix", optics.MagMatrix),
        };
        b.RejectUnknownKeys();
        return optics;
    }

    public static DefocusSearchConfig ReadDefocusSearch(YamlBlock b)
    {
        var d = new DefocusSearchConfig();
        d = d with
        {
            Enabled = b.Bool("enabled", d.Enabled),
            DefocusMin = b.Double("defocus_min", d.DefocusMin),
            DefocusMax = b.Double("defocus_max", d.DefocusMax),
            DefocusStep = b.Double("defocus_step", d.DefocusStep),
            SkipEnforceZero = b.Bool("skip_enforce_zero", d.SkipEnforceZero),
        };
        b.RejectUnknownKeys();
        return d;
    }

    public static PixelSizeSearchConfig ReadPixelSizeSearch(YamlBlock b)
    {
        var p = new PixelSizeSearchConfig();
        p = p with
        {
            Enabled = b.Bool("enabled", p.Enabled),
            PixelSizeMin = b.Double("pixel_size_min", p.PixelSizeMin),
            PixelSizeMax = b.Double("pixel_size_max", p.PixelSizeMax),
            PixelSizeStep = b.Double("pixel_size_step", p.PixelSizeStep),
            SkipEnforceZero = b.Bool("skip_enforce_zero", p.SkipEnforceZero),
        };
        b.RejectUnknownKeys();
        return p;
    }

    /// <summary>
    /// Upstream's union: a mapping with <c>orientation_configs</c> is the multiple variant, any other mapping
    /// (even <c>{}</c>) a single search.
    /// </summary>
    public static OrientationSearchSpec ReadOrientationSearch(ParseContext context, YamlBlock b)
    {
        if (!b.Has(MultipleOrientationConfig.ConfigsKey))
        {
            return ReadSingleOrientation(b);
        }

        var node = b.Raw(MultipleOrientationConfig.ConfigsKey)!;
        var configs = new List<OrientationSearchConfig>();
        if (node is YamlSequenceNode sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var item = sequence.Children[i];
                var path = $"{b.KeyPath(MultipleOrientationConfig.ConfigsKey)}[{i}]";
                context.Record(path, YamlScalars.LocationOf(item));
                configs.Add(ReadSingleOrientation(YamlBlock.Open(context, item, path, YamlScalars.LocationOf(item))));
            }
        }
        else
        {
            b.TypeError(MultipleOrientationConfig.ConfigsKey, node, "a list of orientation searches");
        }

        b.RejectUnknownKeys();
        return new MultipleOrientationConfig { OrientationConfigs = new ValueList<OrientationSearchConfig>(configs) };
    }

    public static PreprocessingFilters ReadPreprocessingFilters(YamlBlock b)
    {
        var filters = new PreprocessingFilters
        {
            WhiteningFilter = ReadWhitening(b.Block(WhiteningFilterConfig.YamlKey)),
            BandpassFilter = ReadBandpass(b.Block(BandpassFilterConfig.YamlKey)),
            PhaseRandomizationFilter = ReadPhaseRandomization(b.Block(PhaseRandomizationFilterConfig.YamlKey)),
            ArbitraryCurveFilter = ReadArbitraryCurve(b.Block(ArbitraryCurveFilterConfig.YamlKey)),
        };
        b.RejectUnknownKeys();
        return filters;
    }

    private static OrientationSearchConfig ReadSingleOrientation(YamlBlock b)
    {
        var o = new OrientationSearchConfig();
        o = o with
        {
            PsiStep = b.Double("psi_step", o.PsiStep),
            ThetaStep = b.Double("theta_step", o.ThetaStep),
            PhiMin = b.NullableDouble("phi_min", o.PhiMin),
            PhiMax = b.NullableDouble("phi_max", o.PhiMax),
            ThetaMin = b.NullableDouble("theta_min", o.ThetaMin),
            ThetaMax = b.NullableDouble("theta_max", o.ThetaMax),
            PsiMin = b.NullableDouble("psi_min", o.PsiMin),
            PsiMax = b.NullableDouble("psi_max", o.PsiMax),
            BaseGridMethod = b.Choice("base_grid_method", o.BaseGridMethod, GridMethods),
            Symmetry = b.NullableString("symmetry", o.Symmetry),
        };
        b.RejectUnknownKeys();
        return o;
    }

    private static WhiteningFilterConfig ReadWhitening(YamlBlock b)
    {
        var w = new WhiteningFilterConfig();
        w = w with
        {
            Enabled = b.Bool("enabled", w.Enabled),
            NumFreqBins = b.NullableInt("num_freq_bins", w.NumFreqBins),
            MaxFreq = b.NullableDouble("max_freq", w.MaxFreq),
            DoPowerSpectrum = b.NullableBool("do_power_spectrum", w.DoPowerSpectrum),
        };
        b.RejectUnknownKeys();
        return w;
    }

    private static BandpassFilterConfig ReadBandpass(YamlBlock b)
    {
        var f = new BandpassFilterConfig();
        f = f with
        {
            Enabled = b.Bool("enabled", f.Enabled),
            LowFreqCutoff = b.NullableDouble("low_freq_cutoff", f.LowFreqCutoff),
            HighFreqCutoff = b.NullableDouble("high_freq_cutoff", f.HighFreqCutoff),
            Falloff = b.NullableDouble("falloff", f.Falloff),
        };
        b.RejectUnknownKeys();
        return f;
    }

    private static PhaseRandomizationFilterConfig ReadPhaseRandomization(YamlBlock b)
    {
        var f = new PhaseRandomizationFilterConfig();
        f = f with
        {
            Enabled = b.Bool("enabled", f.Enabled),
            Cuton = b.NullableDouble("cuton", f.Cuton),
        };
        b.RejectUnknownKeys();
        return f;
    }

    private static ArbitraryCurveFilterConfig ReadArbitraryCurve(YamlBlock b)
    {
        var f = new ArbitraryCurveFilterConfig();
        f = f with
        {
            Enabled = b.Bool("enabled", f.Enabled),
            Frequencies = b.NullableDoubleList("frequencies", f.Frequencies),
            Amplitudes = b.NullableDoubleList("amplitudes", f.Amplitudes),
        };
        b.RejectUnknownKeys();
        return f;
    }

    /// <summary><c>computational_config</c>; <paramref name="defaults"/> supplies what the YAML leaves out (the refine
    /// programs default to the batched backend).</summary>
    public static ComputationalConfigMatch ReadComputational(YamlBlock b, ComputationalConfigMatch defaults)
    {
        var c = defaults;
        c = c with
        {
            GpuIds = ReadGpuIds(b, c.GpuIds),
            NumCpus = b.Int("num_cpus", c.NumCpus),
            Backend = b.Choice("backend", c.Backend, Backends),
        };

        // Upstream's ComputationalConfigMatch is a plain pydantic model: extra keys are silently dropped.
        b.WarnUnknownKeys();
        return c;
    }

    /// <summary>
    /// pydantic's union <c>str | int | list[int] | list[str]</c> in smart mode: an unquoted integer is an index,
    /// anything else a device string.
    /// </summary>
    private static GpuIds ReadGpuIds(YamlBlock b, GpuIds fallback)
    {
        const string key = "gpu_ids";
        const string expected = "an integer, a device string ('all', 'cpu', 'cuda:N') or a non-empty list of them";
        var node = b.Raw(key);
        switch (node)
        {
            case null:
                return fallback;
            case YamlScalarNode s when YamlScalars.IsNull(s):
                // Upstream accepts null here but then fails when choosing devices.
                b.TypeError(key, node, expected);
                return fallback;
            case YamlScalarNode s:
                return AsIndex(s) is { } index ? GpuIds.FromIndex(index) : GpuIds.FromDevice(s.Value ?? "");
            case YamlSequenceNode sequence:
                return ReadGpuIdList(b, sequence, fallback);
            default:
                b.TypeError(key, node, expected);
                return fallback;
        }
    }

    private static GpuIds ReadGpuIdList(YamlBlock b, YamlSequenceNode sequence, GpuIds fallback)
    {
        var items = sequence.Children;
        var indices = new List<int>();
        var devices = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{b.KeyPath("gpu_ids")}[{i}]";
            if (items[i] is not YamlScalarNode s || YamlScalars.IsNull(s))
            {
                b.TypeErrorAt(path, items[i], "an integer or a device string");
                return fallback;
            }

            if (AsIndex(s) is { } index)
            {
                indices.Add(index);
            }
            else
            {
                devices.Add(s.Value ?? "");
            }
        }

        if (indices.Count > 0 && devices.Count > 0)
        {
            b.TypeError("gpu_ids", sequence, "a list of only integers or only device strings");
            return fallback;
        }

        return devices.Count > 0 ? GpuIds.FromDevices([.. devices]) : GpuIds.FromIndices([.. indices]);
    }

    /// <summary>Only unquoted integers are indices; a quoted "0" stays a (device) string, as in pydantic.</summary>
    private static int? AsIndex(YamlScalarNode s) =>
        s.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any &&
        YamlScalars.TryLong(s.Value ?? "", out var l) && l is >= int.MinValue and <= int.MaxValue &&
        !(s.Value ?? "").Contains('.', StringComparison.Ordinal)
            ? (int)l
            : null;
}
