using LeopardEm.Imaging;

namespace LeopardEm.Peaks;

/// <summary>
/// The GEV metric's z-score threshold (Leopard-EM <c>gev_fit_metric</c>, spec §12.3): a generalized extreme value
/// distribution is fitted to the map's z-scores (each pixel's z-score is the best of many correlations, an extreme
/// value), and the cutoff is where the fit expects <c>false_positives</c> pixels above it:
/// <c>cutoff = isf(false_positives / pixels)</c>. Unlike the Gaussian threshold (<see cref="ZScoreThreshold"/>) it
/// counts pixels only, not pixels x correlations (spec §16 item 25), and it adapts to noise that is not Gaussian.
/// </summary>
public sealed class GevThreshold
{
    private GevThreshold(GevDistribution fit, double cutoff, double falsePositives, long pixels, int windowCount, int fittedCount)
    {
        Fit = fit;
        Cutoff = cutoff;
        FalsePositives = falsePositives;
        Pixels = pixels;
        WindowCount = windowCount;
        FittedCount = fittedCount;
    }

    /// <summary>The fitted distribution of the z-scores (SciPy convention, c = −ξ).</summary>
    public GevDistribution Fit { get; }

    /// <summary>The z-score threshold.</summary>
    public double Cutoff { get; }

    /// <summary>Expected false peaks the cutoff was set for.</summary>
    public double FalsePositives { get; }

    /// <summary>Pixels of the map (the denominator of the tail probability).</summary>
    public long Pixels { get; }

    /// <summary>Pixels whose z-score fell inside [min_z, max_z].</summary>
    public int WindowCount { get; }

    /// <summary>Values fitted: all of the window, or a seeded random subset of <c>num_samples</c> of them.</summary>
    public int FittedCount { get; }

    /// <summary>Fits the z-scores of <paramref name="zScores"/> and sets the cutoff.</summary>
    /// <param name="zScores">The z-score map (NaN pixels are ignored in the fit, counted in the pixels).</param>
    /// <param name="falsePositives">Leopard-EM's <c>false_positives</c>: expected false peaks in the map, &gt; 0 and
    /// below the number of pixels.</param>
    /// <param name="options">Window, sample cap and seed; null = defaults.</param>
    public static GevThreshold Compute(Image2D zScores, double falsePositives = 1.0, GevOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(zScores);
        options ??= new GevOptions();
        var pixels = (long)zScores.Height * zScores.Width;
        if (!(falsePositives > 0 && falsePositives < pixels))
        {
            throw new ArgumentOutOfRangeException(nameof(falsePositives), falsePositives, $"The expected number of false positives must be in (0, {pixels}).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.NumSamples, 3);
        var window = Window(zScores.Data, options.MinZ ?? Minimum(zScores.Data), options.MaxZ);
        var fitted = Subsample(window, options.NumSamples, options.Seed);
        var fit = GevFitter.Fit(fitted);
        return new GevThreshold(fit, fit.InverseSurvival(falsePositives / pixels), falsePositives, pixels, window.Count, fitted.Count);
    }

    private static float Minimum(float[] values)
    {
        var minimum = float.PositiveInfinity;
        foreach (var value in values)
        {
            // Written as a comparison so that NaN pixels are skipped (Math.Min would return NaN).
            if (value < minimum)
            {
                minimum = value;
            }
        }

        return minimum;
    }

    private static List<double> Window(float[] values, double low, double high)
    {
        var window = new List<double>();
        foreach (var value in values)
        {
            if (value >= low && value <= high)
            {
                window.Add(value);
            }
        }

        return window;
    }

    // A partial Fisher–Yates shuffle: the first k entries become a uniform random k-subset (in random order, which
    // the fit does not care about).
    private static List<double> Subsample(List<double> window, int count, int seed)
    {
        if (window.Count <= count)
        {
            return window;
        }

        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, window.Count);
            (window[i], window[j]) = (window[j], window[i]);
        }

        return window.GetRange(0, count);
    }
}
