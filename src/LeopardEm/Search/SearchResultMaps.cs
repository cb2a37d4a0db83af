using LeopardEm.Imaging;

namespace LeopardEm.Search;

/// <summary>
/// The per-pixel result maps of a search (spec §10.6), all over the statistics region: element [y, x] belongs to
/// the template whose top-left corner is at micrograph pixel (y, x); the particle centre is (y + N/2, x + N/2).
/// </summary>
public sealed class SearchResultMaps
{
    private SearchResultMaps(int height, int width)
    {
        Mip = new Image2D(height, width);
        ScaledMip = new Image2D(height, width);
        CorrelationMean = new Image2D(height, width);
        CorrelationStandardDeviation = new Image2D(height, width);
        Phi = new Image2D(height, width);
        Theta = new Image2D(height, width);
        Psi = new Image2D(height, width);
        RelativeDefocus = new Image2D(height, width);
        PixelSize = new Image2D(height, width);
    }

    private SearchResultMaps(Image2D[] maps)
    {
        (Mip, ScaledMip, CorrelationMean, CorrelationStandardDeviation, Phi, Theta, Psi, RelativeDefocus, PixelSize) =
            (maps[0], maps[1], maps[2], maps[3], maps[4], maps[5], maps[6], maps[7], maps[8]);
    }

    /// <summary>Maximum correlation over the search (≈ SNR units).</summary>
    public Image2D Mip { get; }

    /// <summary>z-score (MIP − mean)/std ("scaled MIP"); 0 where std is 0.</summary>
    public Image2D ScaledMip { get; }

    /// <summary>Mean of all correlations.</summary>
    public Image2D CorrelationMean { get; }

    /// <summary>Standard deviation of all correlations (Leopard-EM's "correlation_variance" file holds this).</summary>
    public Image2D CorrelationStandardDeviation { get; }

    /// <summary>Phi of the best match, degrees.</summary>
    public Image2D Phi { get; }

    /// <summary>Theta of the best match, degrees.</summary>
    public Image2D Theta { get; }

    /// <summary>Psi of the best match, degrees.</summary>
    public Image2D Psi { get; }

    /// <summary>Relative defocus of the best match, Å (relative to (du + dv)/2).</summary>
    public Image2D RelativeDefocus { get; }

    /// <summary>Pixel size of the best match, Å (nominal + offset).</summary>
    public Image2D PixelSize { get; }

    /// <summary>Number of correlations per pixel the statistics came from.</summary>
    public long TotalCorrelations { get; private init; }

    /// <summary>Height of the maps.</summary>
    public int Height => Mip.Height;

    /// <summary>Width of the maps.</summary>
    public int Width => Mip.Width;

    /// <summary>Maps read back from files (a finished run's, ours or Leopard-EM's), for picking again without searching.
    /// The maps are kept, not copied.</summary>
    /// <param name="mip">MIP.</param>
    /// <param name="scaledMip">z-score (scaled MIP).</param>
    /// <param name="correlationMean">Mean of all correlations.</param>
    /// <param name="correlationStandardDeviation">Standard deviation of all correlations.</param>
    /// <param name="phi">Phi of the best match, degrees.</param>
    /// <param name="theta">Theta of the best match, degrees.</param>
    /// <param name="psi">Psi of the best match, degrees.</param>
    /// <param name="relativeDefocus">Relative defocus of the best match, Å.</param>
    /// <param name="pixelSize">Pixel size of the best match, Å.</param>
    /// <param name="totalCorrelations">Correlations per pixel of the search that made them.</param>
    /// <exception cref="ArgumentException">The maps differ in shape.</exception>
    public static SearchResultMaps FromMaps(
        Image2D mip, Image2D scaledMip, Image2D correlationMean, Image2D correlationStandardDeviation,
        Image2D phi, Image2D theta, Image2D psi, Image2D relativeDefocus, Image2D pixelSize, long totalCorrelations)
    {
        Image2D[] maps = [mip, scaledMip, correlationMean, correlationStandardDeviation, phi, theta, psi, relativeDefocus, pixelSize];
        foreach (var map in maps)
        {
            ArgumentNullException.ThrowIfNull(map);
            if (map.Height != mip.Height || map.Width != mip.Width)
            {
                throw new ArgumentException($"The result maps differ in shape ({map.Height} x {map.Width} and {mip.Height} x {mip.Width}).");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(totalCorrelations, 1);
        return new SearchResultMaps(maps) { TotalCorrelations = totalCorrelations };
    }

    /// <summary>
    /// Decodes statistics into maps: mean = Σ/T, std = sqrt(max(Σ²/T − mean², 0)), z = (MIP − mean)/std (computed in
    /// double, stored as float32), angles and defocus looked up from the best global index.
    /// </summary>
    /// <param name="statistics">Statistics of the complete search (T = its <see cref="SearchStatistics.Count"/>).</param>
    /// <param name="space">The search space the indices refer to.</param>
    /// <param name="nominalPixelSize">Pixel size the offsets are relative to, Å.</param>
    public static SearchResultMaps FromStatistics(SearchStatistics statistics, SearchSpace space, double nominalPixelSize)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(space);
        if (statistics.Count == 0)
        {
            throw new InvalidOperationException("The statistics hold no correlations.");
        }

        var maps = new SearchResultMaps(statistics.Height, statistics.Width) { TotalCorrelations = statistics.Count };
        double total = statistics.Count;
        for (var i = 0; i < statistics.Mip.Length; i++)
        {
            var mean = statistics.Sum[i] / total;
            var std = Math.Sqrt(Math.Max(statistics.SumOfSquares[i] / total - mean * mean, 0));
            var mip = statistics.Mip[i];
            maps.Mip.Data[i] = mip;
            maps.CorrelationMean.Data[i] = (float)mean;
            maps.CorrelationStandardDeviation.Data[i] = (float)std;
            maps.ScaledMip.Data[i] = std != 0 ? (float)((mip - mean) / std) : 0f;

            var best = statistics.BestIndex[i];
            if (best < 0)
            {
                continue;
            }

            var (p, d, o) = space.Decode(best);
            var angles = space.Orientations[o];
            maps.Phi.Data[i] = (float)angles.Phi;
            maps.Theta.Data[i] = (float)angles.Theta;
            maps.Psi.Data[i] = (float)angles.Psi;
            maps.RelativeDefocus.Data[i] = space.RelativeDefocus[d];
            maps.PixelSize.Data[i] = (float)(nominalPixelSize + space.PixelSizeOffsets[p]);
        }

        return maps;
    }
}
