using LeopardEm.Imaging;
using LeopardEm.Optics;
using LeopardEm.Orientations;

namespace LeopardEm.Search;

/// <summary>
/// One particle prepared for refinement (spec §3.2): its box spectrum, filters, optics, starting orientation and the
/// match_template statistics at every crop position.
/// </summary>
public sealed class RefineTarget
{
    /// <summary>Bundles a particle's data; arrays are used as given, not copied.</summary>
    /// <param name="boxSpectrum">H_b x (W_b/2+1) rfft of the filtered, normalised particle box.</param>
    /// <param name="templateFilter">N x (N/2+1) filter for the template projections without the CTF (whitening x
    /// bandpass x curve, on the template's rfft grid).</param>
    /// <param name="ctf">The particle's CTF (absolute defocus, Å).</param>
    /// <param name="nominalPixelSize">Pixel size of the CTF's frequency grid (the micrograph's), Å.</param>
    /// <param name="pixelSize">The particle's current pixel size (refined or nominal), Å; pixel-size offsets are added to
    /// it and emulated by scaling Cs.</param>
    /// <param name="orientation">Starting orientation, degrees (ZYZ).</param>
    /// <param name="mean">Crop of the match_template mean map, (H_b − N + 1) x (W_b − N + 1).</param>
    /// <param name="standardDeviation">Crop of the match_template standard-deviation map (the
    /// "correlation_variance" file), same size; positions with a value ≤ 0 are not scored.</param>
    /// <param name="normalizationHeight">Rows of the frame the templates are normalised for (the micrograph with global
    /// filtering, the box otherwise).</param>
    /// <param name="normalizationWidth">Columns of that frame.</param>
    public RefineTarget(
        ComplexF[] boxSpectrum, float[] templateFilter, CtfParameters ctf, double nominalPixelSize, double pixelSize,
        EulerAngles orientation, float[] mean, float[] standardDeviation, int normalizationHeight, int normalizationWidth)
    {
        BoxSpectrum = boxSpectrum ?? throw new ArgumentNullException(nameof(boxSpectrum));
        TemplateFilter = templateFilter ?? throw new ArgumentNullException(nameof(templateFilter));
        Ctf = ctf ?? throw new ArgumentNullException(nameof(ctf));
        Mean = mean ?? throw new ArgumentNullException(nameof(mean));
        StandardDeviation = standardDeviation ?? throw new ArgumentNullException(nameof(standardDeviation));
        NominalPixelSize = nominalPixelSize;
        PixelSize = pixelSize;
        Orientation = orientation;
        NormalizationHeight = normalizationHeight;
        NormalizationWidth = normalizationWidth;
    }

    /// <summary>H_b x (W_b/2+1) spectrum of the box.</summary>
    public ComplexF[] BoxSpectrum { get; }

    /// <summary>N x (N/2+1) template filter without the CTF.</summary>
    public float[] TemplateFilter { get; }

    /// <summary>The particle's CTF, absolute defocus.</summary>
    public CtfParameters Ctf { get; }

    /// <summary>Pixel size of the CTF's frequency grid, Å.</summary>
    public double NominalPixelSize { get; }

    /// <summary>The particle's current pixel size, Å.</summary>
    public double PixelSize { get; }

    /// <summary>Starting orientation, degrees.</summary>
    public EulerAngles Orientation { get; }

    /// <summary>Mean of the full search's correlations at each crop position.</summary>
    public float[] Mean { get; }

    /// <summary>Standard deviation of the full search's correlations at each crop position.</summary>
    public float[] StandardDeviation { get; }

    /// <summary>Rows of the template normalisation frame.</summary>
    public int NormalizationHeight { get; }

    /// <summary>Columns of the template normalisation frame.</summary>
    public int NormalizationWidth { get; }
}
