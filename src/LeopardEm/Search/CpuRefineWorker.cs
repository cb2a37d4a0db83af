using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Projection;

namespace LeopardEm.Search;

/// <summary>One CPU thread's share of a local refinement: its own slice and correlation buffers.</summary>
internal sealed class CpuRefineWorker : IDisposable
{
    private readonly RefineSearch _search;
    private readonly AlignedBuffer<ComplexF> _slice;
    private readonly TemplateCorrelator _correlator;

    public CpuRefineWorker(RefineSearch search, IFftEngine fft)
    {
        _search = search;
        var n = search.Template.Size;
        _slice = new AlignedBuffer<ComplexF>(n * (n / 2 + 1));
        _correlator = new TemplateCorrelator(n, search.BoxHeight, search.BoxWidth, fft);
    }

    /// <summary>
    /// The best candidate over orientation offsets [<paramref name="first"/>, <paramref name="last"/>), every
    /// (pixel size, defocus) filter and every crop position: z = (CC − mean)/std with the full search's statistics.
    /// </summary>
    /// <param name="target">The particle.</param>
    /// <param name="filters">Projective filters, index <c>p·D + d</c>.</param>
    /// <param name="first">First offset, inclusive.</param>
    /// <param name="last">Last offset, exclusive.</param>
    public RefineCandidate Search(RefineTarget target, float[][] filters, int first, int last)
    {
        var search = _search;
        var defocusCount = search.DefocusOffsets.Count;
        var cropHeight = search.CropHeight;
        var cropWidth = search.CropWidth;
        var stride = search.BoxWidth;
        var best = RefineCandidate.None;
        for (var k = first; k < last; k++)
        {
            var rotation = search.Offsets.Compose(k, target.Orientation).ToSingle();
            FourierSlicer.ExtractForSearch(search.Template, rotation, _slice.Span, search.SliceConvention);
            for (var plane = 0; plane < filters.Length; plane++)
            {
                _correlator.MakeTemplate(_slice.Span, filters[plane], target.NormalizationHeight, target.NormalizationWidth);
                var correlation = _correlator.Correlate(target.BoxSpectrum);
                for (var y = 0; y < cropHeight; y++)
                {
                    var row = correlation.Slice(y * stride, cropWidth);
                    for (var x = 0; x < cropWidth; x++)
                    {
                        var std = target.StandardDeviation[y * cropWidth + x];
                        if (!(std > 0))
                        {
                            continue;
                        }

                        // Scanning in increasing (offset, plane, row, column) order, so a strict > keeps the first of
                        // equal scores.
                        var z = (row[x] - target.Mean[y * cropWidth + x]) / std;
                        if (z > best.Z)
                        {
                            best = new RefineCandidate(z, row[x], k, plane / defocusCount, plane % defocusCount, y, x);
                        }
                    }
                }
            }
        }

        return best;
    }

    public void Dispose()
    {
        _slice.Dispose();
        _correlator.Dispose();
    }
}
