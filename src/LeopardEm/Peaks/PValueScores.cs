using LeopardEm.Imaging;

namespace LeopardEm.Peaks;

/// <summary>
/// The p-value metric's score map (Zhang et al. 2025; Leopard-EM <c>find_peaks_from_pvalue</c>, spec §12.3):
/// s = −ln p per pixel of the joint (z-score, MIP) distribution, from the rank probits of both maps and the
/// anisotropic Gaussian fitted to them. Larger is more significant; 0 outside the quadrant. Peaks are the pixels with
/// s above the cutoff (Leopard-EM's <c>p_value_cutoff</c>, default 8, i.e. p &lt; e⁻⁸ ≈ 3.4·10⁻⁴ per pixel),
/// thinned by <see cref="PeakFinder"/>.
/// </summary>
public sealed class PValueScores
{
    /// <summary>Leopard-EM's default <c>p_value_cutoff</c> (a threshold on −ln p, not on p).</summary>
    public const double DefaultCutoff = 8.0;

    private PValueScores(Image2D negativeLogP, AnisotropicGaussian model, PValueQuadrant quadrant)
    {
        NegativeLogP = negativeLogP;
        Model = model;
        Quadrant = quadrant;
    }

    /// <summary>s = −ln p per pixel, same shape and positions as the input maps (float32; computed in double).</summary>
    public Image2D NegativeLogP { get; }

    /// <summary>The Gaussian fitted to the probit scores.</summary>
    public AnisotropicGaussian Model { get; }

    /// <summary>The quadrant rule used.</summary>
    public PValueQuadrant Quadrant { get; }

    /// <summary>Scores every pixel of a search.</summary>
    /// <param name="mip">The MIP map.</param>
    /// <param name="zScores">The z-score (scaled MIP) map, same shape.</param>
    /// <param name="quadrant">Leopard-EM's <c>quadrant</c>; default 1.</param>
    public static PValueScores Compute(Image2D mip, Image2D zScores, PValueQuadrant quadrant = PValueQuadrant.First)
    {
        ArgumentNullException.ThrowIfNull(mip);
        ArgumentNullException.ThrowIfNull(zScores);
        if (mip.Height != zScores.Height || mip.Width != zScores.Width)
        {
            throw new ArgumentException($"The MIP ({mip.Height} x {mip.Width}) and z-score ({zScores.Height} x {zScores.Width}) maps differ in shape.", nameof(zScores));
        }

        if (!Enum.IsDefined(quadrant))
        {
            throw new ArgumentOutOfRangeException(nameof(quadrant), quadrant, "The quadrant must be 1 (First) or 3 (Three).");
        }

        var x1 = RankProbit.Transform(zScores.Data);
        var x2 = RankProbit.Transform(mip.Data);
        var model = AnisotropicGaussian.Fit(x1, x2);
        var scores = new Image2D(mip.Height, mip.Width);
        for (var i = 0; i < x1.Length; i++)
        {
            scores.Data[i] = (float)model.NegativeLogP(x1[i], x2[i], quadrant);
        }

        return new PValueScores(scores, model, quadrant);
    }

    /// <summary>Picks the peaks of <see cref="NegativeLogP"/>: s strictly above <paramref name="cutoff"/>, thinned by
    /// <see cref="PeakFinder"/> in descending s; each peak's <see cref="Peak.ZScore"/> holds its s.</summary>
    /// <param name="cutoff">Threshold on s = −ln p (Leopard-EM's <c>p_value_cutoff</c>).</param>
    /// <param name="maskRadius">Suppression radius, pixels.</param>
    public IReadOnlyList<Peak> FindPeaks(double cutoff = DefaultCutoff, double maskRadius = PeakFinder.DefaultMaskRadius) =>
        PeakFinder.Find(NegativeLogP, cutoff, maskRadius);
}
