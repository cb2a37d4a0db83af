using LeopardEm.Optics;

namespace LeopardEm.Filters;

/// <summary>
/// The projective filters of a search (spec §8.4, other_programs §1.3): one N x (N/2+1) filter per (pixel-size plane
/// p, defocus plane d), index <c>p·D + d</c>, on the template's rfft grid at the nominal pixel size:
/// <c>CTF(defocus + D[d], Cs scaled for pixel size nominal + base + P[p]) x template filter</c>, where the template
/// filter is whitening x bandpass x arbitrary curve. Pixel-size planes are emulated by scaling Cs, as upstream.
/// Shared by the full search (base offset 0) and every local search (base = the particle's pixel size − nominal).
/// </summary>
public static class ProjectiveFilterStack
{
    /// <summary>Builds the filters.</summary>
    /// <param name="ctf">The CTF at the reference defocus (the micrograph's, or the particle's absolute defocus).</param>
    /// <param name="nominalPixelSize">Pixel size of the frequency grid, Å.</param>
    /// <param name="pixelSizeBase">Offset of the reference pixel size from the nominal one, Å (0 for a full search).</param>
    /// <param name="pixelSizeOffsets">Pixel-size planes P, Å, added to the reference pixel size.</param>
    /// <param name="defocusOffsets">Defocus planes D, Å, added to the CTF's defocus.</param>
    /// <param name="templateFilter">N x (N/2+1) template filter without the CTF.</param>
    /// <param name="templateSize">Template edge N.</param>
    public static float[][] Build(
        CtfParameters ctf, double nominalPixelSize, double pixelSizeBase, IReadOnlyList<float> pixelSizeOffsets,
        IReadOnlyList<float> defocusOffsets, ReadOnlySpan<float> templateFilter, int templateSize)
    {
        ArgumentNullException.ThrowIfNull(ctf);
        ArgumentNullException.ThrowIfNull(pixelSizeOffsets);
        ArgumentNullException.ThrowIfNull(defocusOffsets);
        var n = templateSize;
        if (templateFilter.Length != n * (n / 2 + 1))
        {
            throw new ArgumentException($"The template filter has {templateFilter.Length} values, not {n} x {n / 2 + 1}.", nameof(templateFilter));
        }

        var filters = new float[pixelSizeOffsets.Count * defocusOffsets.Count][];
        for (var p = 0; p < pixelSizeOffsets.Count; p++)
        {
            var planeCtf = ctf.WithPixelSizeOffset(nominalPixelSize, pixelSizeBase + pixelSizeOffsets[p]);
            for (var d = 0; d < defocusOffsets.Count; d++)
            {
                var filter = new float[n * (n / 2 + 1)];
                Ctf.EvaluateRfft(planeCtf, defocusOffsets[d], nominalPixelSize, n, filter);
                for (var i = 0; i < filter.Length; i++)
                {
                    filter[i] *= templateFilter[i];
                }

                filters[p * defocusOffsets.Count + d] = filter;
            }
        }

        return filters;
    }
}
