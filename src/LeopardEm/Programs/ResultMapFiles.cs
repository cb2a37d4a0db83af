using LeopardEm.Imaging;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>One result map of match_template as a file: its key under <c>match_template_result</c>, its path as
/// written in the settings, the map it holds and the label of its MRC header.</summary>
/// <param name="Key">YAML key (the pixel-size map, which has none, says where it goes).</param>
/// <param name="Path">Path as written.</param>
/// <param name="Map">The map of a result.</param>
/// <param name="Label">What the map holds (printable ASCII, short enough for an 80-character header label with a
/// prefix).</param>
internal sealed record ResultMapFile(string Key, string Path, Func<SearchResultMaps, Image2D> Map, string Label);

/// <summary>The files of match_template's result maps, one list for writing them (the search), reading them back (a
/// pick from saved maps) and writing their full-size copies.</summary>
internal static class ResultMapFiles
{
    /// <summary>Leopard-EM's eight maps in its order, then the pixel-size map when pixel size is searched.</summary>
    public static IReadOnlyList<ResultMapFile> Of(MatchTemplateSettings settings)
    {
        var result = settings.MatchTemplateResult;
        var files = new List<ResultMapFile>
        {
            new("mip_path", result.MipPath, m => m.Mip, "maximum intensity projection (MIP) of the cross-correlation"),
            new("scaled_mip_path", result.ScaledMipPath, m => m.ScaledMip, "z-score (MIP - mean) / standard deviation"),
            new("correlation_average_path", result.CorrelationAveragePath, m => m.CorrelationMean, "mean of all cross-correlations"),
            new("correlation_variance_path", result.CorrelationVariancePath, m => m.CorrelationStandardDeviation, "STANDARD DEVIATION of all cross-correlations"),
            new("orientation_psi_path", result.OrientationPsiPath, m => m.Psi, "psi of the best match, degrees (ZYZ)"),
            new("orientation_theta_path", result.OrientationThetaPath, m => m.Theta, "theta of the best match, degrees (ZYZ)"),
            new("orientation_phi_path", result.OrientationPhiPath, m => m.Phi, "phi of the best match, degrees (ZYZ)"),
            new("relative_defocus_path", result.RelativeDefocusPath, m => m.RelativeDefocus, "relative defocus of the best match, A"),
        };
        if (PixelSizeMapPathOf(settings) is { } pixelSizePath)
        {
            files.Add(new("pixel_size_path (next to relative_defocus_path)", pixelSizePath, m => m.PixelSize, "pixel size of the best match, A"));
        }

        return files;
    }

    /// <summary>The key of <paramref name="file"/> in messages about the configuration.</summary>
    public static string YamlKeyOf(ResultMapFile file) => $"{MatchTemplateResultConfig.YamlKey}.{file.Key}";

    // The pixel-size map goes next to the relative-defocus map, named after it.
    private static string? PixelSizeMapPathOf(MatchTemplateSettings settings)
    {
        if (!settings.PixelSizeSearchConfig.Enabled)
        {
            return null;
        }

        var defocus = settings.MatchTemplateResult.RelativeDefocusPath;
        var name = System.IO.Path.GetFileName(defocus);
        var replaced = name.Contains("relative_defocus", StringComparison.Ordinal)
            ? name.Replace("relative_defocus", "pixel_size", StringComparison.Ordinal)
            : System.IO.Path.GetFileNameWithoutExtension(name) + "_pixel_size" + System.IO.Path.GetExtension(name);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(defocus) ?? "", replaced);
    }
}
