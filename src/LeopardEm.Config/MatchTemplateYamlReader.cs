using LeopardEm.Settings;
using YamlDotNet.RepresentationModel;

namespace LeopardEm.Config;

/// <summary>
/// YAML → <see cref="MatchTemplateSettings"/>: the root mapping (Leopard-EM <c>MatchTemplateManager</c>) and the
/// blocks only match_template has.
/// </summary>
internal static class MatchTemplateYamlReader
{
    private static readonly Dictionary<string, CorrelationBackend> Backends = new(StringComparer.Ordinal)
    {
        ["streamed"] = CorrelationBackend.Streamed,
        ["batched"] = CorrelationBackend.Batched,
    };

    public static MatchTemplateSettings Read(ParseContext context, YamlBlock root)
    {
        var settings = new MatchTemplateSettings
        {
            // Upstream order of fields, so errors come out in a familiar order.
            MicrographPath = root.RequiredString("micrograph_path"),
            TemplateVolumePath = root.RequiredString("template_volume_path"),
            OpticsGroup = SettingsBlockReaders.ReadOpticsGroup(root.Block(OpticsGroup.YamlKey, required: true)),
            DefocusSearchConfig =
                SettingsBlockReaders.ReadDefocusSearch(root.Block(DefocusSearchConfig.YamlKey, required: true)),
            PixelSizeSearchConfig =
                SettingsBlockReaders.ReadPixelSizeSearch(root.Block(PixelSizeSearchConfig.YamlKey)),
            OrientationSearchConfig = SettingsBlockReaders.ReadOrientationSearch(
                context, root.Block(OrientationSearchSpec.YamlKey, required: true)),
            PreprocessingFilters = SettingsBlockReaders.ReadPreprocessingFilters(
                root.Block(PreprocessingFilters.YamlKey, required: true)),
            MatchTemplateResult = ReadResult(root.Block(MatchTemplateResultConfig.YamlKey, required: true)),
            ComputationalConfig = ReadComputational(root.Block(ComputationalConfigMatch.YamlKey, required: true)),
        };
        root.RejectUnknownKeys();
        return settings;
    }

    private static MatchTemplateResultConfig ReadResult(YamlBlock b)
    {
        var result = new MatchTemplateResultConfig
        {
            MipPath = b.RequiredString("mip_path"),
            ScaledMipPath = b.RequiredString("scaled_mip_path"),
            CorrelationAveragePath = b.RequiredString("correlation_average_path"),
            CorrelationVariancePath = b.RequiredString("correlation_variance_path"),
            OrientationPsiPath = b.RequiredString("orientation_psi_path"),
            OrientationThetaPath = b.RequiredString("orientation_theta_path"),
            OrientationPhiPath = b.RequiredString("orientation_phi_path"),
            RelativeDefocusPath = b.RequiredString("relative_defocus_path"),
        };
        result = result with
        {
            AllowFileOverwrite = b.Bool("allow_file_overwrite", result.AllowFileOverwrite),
            TotalProjections = b.Long("total_projections", result.TotalProjections),
            TotalOrientations = b.Long("total_orientations", result.TotalOrientations),
            TotalDefocus = b.Long("total_defocus", result.TotalDefocus),
        };
        b.RejectUnknownKeys();
        return result;
    }

    private static ComputationalConfigMatch ReadComputational(YamlBlock b)
    {
        var c = new ComputationalConfigMatch();
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
