using LeopardEm.Filters;
using LeopardEm.Orientations;
using LeopardEm.Projection;

namespace LeopardEm.Search;

/// <summary>
/// What a local refinement tries around every particle (spec §3.3): orientation offsets x defocus offsets x
/// pixel-size offsets, each at every template position of a particle box. A box of <c>H_b x W_b</c> pixels around an
/// <c>N x N</c> template gives a crop of <c>(H_b − N + 1) x (W_b − N + 1)</c> top-left positions; crop index
/// <see cref="StartY"/>, <see cref="StartX"/> is the particle's starting position.
/// </summary>
public sealed class RefineSearch
{
    private readonly float[] _defocusOffsets;
    private readonly float[] _pixelSizeOffsets;

    /// <summary>Creates the search.</summary>
    /// <param name="template">The template's prepared 3-D spectrum (edge N).</param>
    /// <param name="boxHeight">Box rows H_b (≥ N).</param>
    /// <param name="boxWidth">Box columns W_b (≥ N).</param>
    /// <param name="offsets">Orientation offsets.</param>
    /// <param name="defocusOffsets">Defocus offsets, Å, added to each particle's defocus.</param>
    /// <param name="pixelSizeOffsets">Pixel-size offsets, Å, added to each particle's pixel size.</param>
    /// <param name="sliceConvention">How central slices are extracted (as in the full search).</param>
    public RefineSearch(
        TemplateSpectrum template, int boxHeight, int boxWidth, LocalOffsetGrid offsets,
        IReadOnlyList<float> defocusOffsets, IReadOnlyList<float> pixelSizeOffsets,
        SliceConvention sliceConvention = SliceConvention.Exact)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(defocusOffsets);
        ArgumentNullException.ThrowIfNull(pixelSizeOffsets);
        if (boxHeight < template.Size || boxWidth < template.Size)
        {
            throw new ArgumentException($"The {boxWidth} x {boxHeight} box is smaller than the {template.Size} px template.");
        }

        if (defocusOffsets.Count == 0 || pixelSizeOffsets.Count == 0)
        {
            throw new ArgumentException("A refinement needs at least one defocus and one pixel-size offset.");
        }

        Template = template;
        BoxHeight = boxHeight;
        BoxWidth = boxWidth;
        Offsets = offsets;
        _defocusOffsets = [.. defocusOffsets];
        _pixelSizeOffsets = [.. pixelSizeOffsets];
        SliceConvention = sliceConvention;
    }

    /// <summary>How central slices are extracted.</summary>
    public SliceConvention SliceConvention { get; }

    /// <summary>The template spectrum.</summary>
    public TemplateSpectrum Template { get; }

    /// <summary>Box rows H_b.</summary>
    public int BoxHeight { get; }

    /// <summary>Box columns W_b.</summary>
    public int BoxWidth { get; }

    /// <summary>Rows of the crop of template positions, H_b − N + 1.</summary>
    public int CropHeight => BoxHeight - Template.Size + 1;

    /// <summary>Columns of the crop of template positions, W_b − N + 1.</summary>
    public int CropWidth => BoxWidth - Template.Size + 1;

    /// <summary>Crop row of the starting position, (H_b − N)/2 (the box is cut with the template footprint at this
    /// offset).</summary>
    public int StartY => (BoxHeight - Template.Size) / 2;

    /// <summary>Crop column of the starting position, (W_b − N)/2.</summary>
    public int StartX => (BoxWidth - Template.Size) / 2;

    /// <summary>Orientation offsets.</summary>
    public LocalOffsetGrid Offsets { get; }

    /// <summary>Defocus offsets, Å.</summary>
    public IReadOnlyList<float> DefocusOffsets => _defocusOffsets;

    /// <summary>Pixel-size offsets, Å.</summary>
    public IReadOnlyList<float> PixelSizeOffsets => _pixelSizeOffsets;

    /// <summary>Cross-correlations per particle: offsets x defocus x pixel size.</summary>
    public long CorrelationsPerParticle => (long)Offsets.Count * _defocusOffsets.Length * _pixelSizeOffsets.Length;

    /// <summary>
    /// The projective filters of <paramref name="target"/>, index pixel-size offset · D + defocus offset, each
    /// N x (N/2+1) on the template's rfft grid: the CTF at the particle's defocus + offset with Cs scaled for its pixel
    /// size + offset (<see cref="ProjectiveFilterStack"/>), x its template filter. Every refine backend scores with these.
    /// </summary>
    public float[][] ProjectiveFilters(RefineTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ProjectiveFilterStack.Build(
            target.Ctf, target.NominalPixelSize, target.PixelSize - target.NominalPixelSize, _pixelSizeOffsets, _defocusOffsets,
            target.TemplateFilter, Template.Size);
    }

    /// <summary>
    /// The refinement result of <paramref name="target"/> whose best candidate is orientation offset
    /// <paramref name="offset"/>, pixel-size plane <paramref name="pixelSizePlane"/>, defocus plane
    /// <paramref name="defocusPlane"/> at crop position (<paramref name="cropY"/>, <paramref name="cropX"/>) with the
    /// given CC and z-score; or, when <paramref name="offset"/> is negative (nothing could be scored), the unscored result
    /// (starting orientation, NaN scores).
    /// </summary>
    public ParticleRefinement Result(
        RefineTarget target, int offset, int pixelSizePlane, int defocusPlane, int cropY, int cropX, float crossCorrelation, float zScore)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (offset < 0)
        {
            return new ParticleRefinement(0, default, target.Orientation.WrapToPositive(), 0, 0, 0, 0, float.NaN, float.NaN);
        }

        return new ParticleRefinement(
            offset,
            Offsets.Offsets[offset],
            Offsets.Compose(offset, target.Orientation).ToEuler().WrapToPositive(),
            _defocusOffsets[defocusPlane],
            _pixelSizeOffsets[pixelSizePlane],
            cropY - StartY,
            cropX - StartX,
            crossCorrelation,
            zScore);
    }

    /// <summary>The same search restricted to the first <paramref name="offsetCount"/> orientation offsets (for
    /// timing).</summary>
    public RefineSearch WithFirstOffsets(int offsetCount) => new(
        Template, BoxHeight, BoxWidth,
        new LocalOffsetGrid(Offsets.Offsets.Take(Math.Clamp(offsetCount, 1, Offsets.Count)).ToArray(), Offsets.Convention),
        _defocusOffsets, _pixelSizeOffsets, SliceConvention);
}
