using LeopardEm.Orientations;
using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// YAML → <see cref="ConstrainedSearchSettings"/>: the root mapping (Leopard-EM <c>ConstrainedSearchManager</c>) and
/// its <c>ConstrainedOrientationConfig</c> block.
/// </summary>
internal static class ConstrainedSearchYamlReader
{
    /// <summary>The defocus key of upstream's example configuration, which its manager rejects; read with a warning.</summary>
    public const string ExampleDefocusKey = "defocus_search_config";

    /// <summary>The centre-vector spelling of upstream's example configuration, which its manager rejects; read with a
    /// warning.</summary>
    public const string ExampleCenterVectorKey = "centre_vector";

    // Upstream also allows "basic", which its grid generator then rejects; we reject it while loading.
    private static readonly Dictionary<string, ConstrainedGridMethod> GridMethods = new(StringComparer.Ordinal)
    {
        ["uniform"] = ConstrainedGridMethod.Uniform,
        ["healpix"] = ConstrainedGridMethod.Healpix,
        ["roll"] = ConstrainedGridMethod.Roll,
    };

    public static ConstrainedSearchSettings Read(ParseContext context, YamlBlock root)
    {
        var settings = new ConstrainedSearchSettings
        {
            // Upstream order of fields, so errors come out in a familiar order.
            TemplateVolumePath = root.RequiredString("template_volume_path"),
            CenterVector = ReadCenterVector(context, root),
            ParticleStackReference = RefineTemplateYamlReader.ReadParticleStack(
                root.Block(ConstrainedSearchSettings.ReferenceKey, required: true)),
            ParticleStackConstrained = RefineTemplateYamlReader.ReadParticleStack(
                root.Block(ConstrainedSearchSettings.ConstrainedKey, required: true)),
            DefocusRefinementConfig = SettingsBlockReaders.ReadDefocusSearch(DefocusBlock(context, root)),
            OrientationRefinementConfig = ReadOrientation(context, root.Block(ConstrainedOrientationConfig.YamlKey, required: true)),
            PreprocessingFilters = SettingsBlockReaders.ReadPreprocessingFilters(
                root.Block(PreprocessingFilters.YamlKey, required: true)),
            ComputationalConfig = SettingsBlockReaders.ReadComputational(
                root.Block(ComputationalConfigMatch.YamlKey, required: true),
                new ComputationalConfigMatch { Backend = CorrelationScheduling.Batched }),
        };
        root.RejectUnknownKeys();
        // Validation names the settings' own keys; point them at the lines of the spellings actually written.
        MirrorLocations(context, ExampleDefocusKey, ConstrainedSearchSettings.DefocusKey);
        MirrorLocations(context, ExampleCenterVectorKey, ConstrainedSearchSettings.CenterVectorKey);
        return settings;
    }

    private static void MirrorLocations(ParseContext context, string alias, string key)
    {
        foreach (var (path, location) in context.Locations.Where(e => e.Key == alias || e.Key.StartsWith(alias + ".", StringComparison.Ordinal)).ToList())
        {
            context.Record(key + path[alias.Length..], location);
        }
    }

    private static CenterVector ReadCenterVector(ParseContext context, YamlBlock root)
    {
        var key = Alias(context, root, ConstrainedSearchSettings.CenterVectorKey, ExampleCenterVectorKey);
        return Numbers(root, key, 3, "a list of three numbers [x, y, z] in Å") is { } v ? new CenterVector(v[0], v[1], v[2]) : CenterVector.Zero;
    }

    // Upstream's example writes defocus_search_config, which its own manager rejects; we read it as the required
    // defocus_refinement_config, with a warning.
    private static YamlBlock DefocusBlock(ParseContext context, YamlBlock root)
    {
        var key = Alias(context, root, ConstrainedSearchSettings.DefocusKey, ExampleDefocusKey);
        return root.Block(key, required: key == ConstrainedSearchSettings.DefocusKey);
    }

    /// <summary>
    /// The key to read: <paramref name="key"/>, or <paramref name="alias"/> (with a warning) when only the alias is
    /// written; both written is an error.
    /// </summary>
    private static string Alias(ParseContext context, YamlBlock root, string key, string alias)
    {
        if (!root.Has(alias))
        {
            return key;
        }

        var aliasNode = root.Raw(alias)!;
        var at = context.Locations.GetValueOrDefault(root.KeyPath(alias), YamlScalars.LocationOf(aliasNode));
        if (root.Has(key))
        {
            context.Error(alias, at, $"{alias} at {at} and {key} are the same setting; give only {key}");
            return key;
        }

        context.Warn(alias, at, $"{alias} at {at} is read as {key} (Leopard-EM's example configuration spells it {alias}, " +
                                $"which Leopard-EM itself rejects; write {key})");
        return alias;
    }

    private static ConstrainedOrientationConfig ReadOrientation(ParseContext context, YamlBlock b)
    {
        var o = new ConstrainedOrientationConfig();
        o = o with
        {
            Enabled = b.Bool("enabled", o.Enabled),
            PhiStep = b.NullableDouble("phi_step", o.PhiStep),
            ThetaStep = b.Double("theta_step", o.ThetaStep),
            PsiStep = b.Double("psi_step", o.PsiStep),
            RotationAxisEulerAngles = Numbers(b, "rotation_axis_euler_angles", 3, "a list of three angles [phi, theta, psi] in degrees") is { } axis
                ? new EulerAngles(axis[0], axis[1], axis[2])
                : o.RotationAxisEulerAngles,
            PhiMin = b.Double("phi_min", o.PhiMin),
            PhiMax = b.Double("phi_max", o.PhiMax),
            ThetaMin = b.Double("theta_min", o.ThetaMin),
            ThetaMax = b.Double("theta_max", o.ThetaMax),
            PsiMin = b.Double("psi_min", o.PsiMin),
            PsiMax = b.Double("psi_max", o.PsiMax),
            BaseGridMethod = b.Choice("base_grid_method", o.BaseGridMethod, GridMethods),
            SearchRollAxis = b.Bool("search_roll_axis", o.SearchRollAxis),
            RollAxis = RollAxis(b, o.RollAxis),
            RollStep = b.Double("roll_step", o.RollStep),
        };
        b.RejectUnknownKeys();
        Warn(context, b, o);
        return o;
    }

    private static (double X, double Y)? RollAxis(YamlBlock b, (double X, double Y)? fallback)
    {
        var node = b.Raw("roll_axis");
        if (node is not null && YamlScalars.IsNull(node))
        {
            return null;
        }

        return Numbers(b, "roll_axis", 2, "a list of two numbers [x, y] or null") is { } v ? (v[0], v[1]) : fallback;
    }

    // Settings that are accepted but have no effect deserve a word.
    private static void Warn(ParseContext context, YamlBlock b, ConstrainedOrientationConfig o)
    {
        if (o.BaseGridMethod == ConstrainedGridMethod.Roll && o.SearchRollAxis && b.Raw("roll_axis") is { } rollAxis && !YamlScalars.IsNull(rollAxis))
        {
            var at = YamlScalars.LocationOf(rollAxis);
            context.Warn(b.KeyPath("roll_axis"), at,
                $"{b.KeyPath("roll_axis")} at {at} is ignored because search_roll_axis is true: every roll axis in [0, 180) " +
                $"is searched in roll_step steps of {o.RollStep.ToString(System.Globalization.CultureInfo.InvariantCulture)} degrees; set search_roll_axis: false " +
                "to search only this axis");
        }

        if (o.BaseGridMethod != ConstrainedGridMethod.Roll && o.PhiStep is not null && b.Raw("phi_step") is { } phiStep)
        {
            var at = YamlScalars.LocationOf(phiStep);
            context.Warn(b.KeyPath("phi_step"), at,
                $"{b.KeyPath("phi_step")} at {at} is ignored: the {o.BaseGridMethod.ToString().ToLowerInvariant()} grid spaces " +
                "phi by theta_step (as in Leopard-EM)");
        }
    }

    /// <summary>A list of exactly <paramref name="count"/> numbers, or null when the key is absent or wrong (a type error
    /// is then recorded).</summary>
    private static double[]? Numbers(YamlBlock b, string key, int count, string expected)
    {
        var list = b.NullableDoubleList(key, null);
        if (list is { } values && values.Count == count)
        {
            return [.. values];
        }

        if (b.Raw(key) is { } node && (list is not null || YamlScalars.IsNull(node)))
        {
            b.TypeError(key, node, expected);
        }

        return null;
    }
}
