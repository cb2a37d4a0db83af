using LeopardEm.Imaging;
using LeopardEm.Search;

namespace LeopardEm.Programs;

/// <summary>
/// Detects a micrograph whose contrast is likely inverted (particles brighter than the background, e.g. a RELION-style
/// inverted image) after a search: wherever particles are, the correlations vary far more than elsewhere (the
/// standard-deviation map has strong outliers whatever the contrast), and their mean over all orientations takes the
/// sign of the contrast, because every projection of a template has a positive integral. So when the mean map is
/// clearly negative where the standard deviation stands out, the particles are there but inverted. (Measured on the
/// demo micrograph: +1.0 robust σ as recorded, −1.0 inverted, over the pixels whose std is 5 robust σ above the median.)
/// </summary>
public static class ContrastCheck
{
    private const double StructureThreshold = 5.0;
    private const int MinimumStructurePixels = 20;
    private const double InvertedMean = -0.5;

    /// <summary>A warning for the user when the maps look like an inverted micrograph, else null.</summary>
    public static string? Warning(SearchResultMaps maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var deviation = RobustScores(maps.CorrelationStandardDeviation);
        var mean = RobustScores(maps.CorrelationMean);
        var structure = Enumerable.Range(0, deviation.Length).Where(i => deviation[i] > StructureThreshold).ToList();
        if (structure.Count < MinimumStructurePixels)
        {
            return null;
        }

        var sign = structure.Average(i => mean[i]);
        return sign < InvertedMean
            ? FormattableString.Invariant(
                $"The micrograph's contrast looks inverted: where the correlations vary most ({structure.Count} px), their mean is ") +
              FormattableString.Invariant($"negative ({sign:F1} robust σ), as for particles brighter than the background. ") +
              "Leopard-EM (and leopard) expect micrographs as recorded, particles darker than the background; multiply the " +
              "micrograph by −1 (e.g. relion_image_handler --multiply_constant -1) and search again."
            : null;
    }

    // (v − median)/(1.4826·MAD): a scale that the particles themselves (a small fraction of pixels) do not inflate.
    private static double[] RobustScores(Image2D map)
    {
        var sorted = map.Data.Select(v => (double)v).Order().ToArray();
        var median = sorted[sorted.Length / 2];
        var deviations = sorted.Select(v => Math.Abs(v - median)).Order().ToArray();
        var scale = 1.4826 * deviations[deviations.Length / 2];
        return [.. map.Data.Select(v => scale > 0 ? (v - median) / scale : 0)];
    }
}
