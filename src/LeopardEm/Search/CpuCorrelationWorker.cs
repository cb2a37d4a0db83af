using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Projection;

namespace LeopardEm.Search;

/// <summary>
/// One CPU thread's share of a search: its own aligned buffers and statistics, so workers never synchronise inside
/// the hot loop. For each orientation it extracts one central slice and reuses it for every (pixel size, defocus)
/// plane (spec §9 and Appendix A).
/// </summary>
internal sealed class CpuCorrelationWorker : IDisposable
{
    private readonly SearchInputs _inputs;
    private readonly AlignedBuffer<ComplexF> _slice;
    private readonly TemplateCorrelator _correlator;

    public CpuCorrelationWorker(SearchInputs inputs, IFftEngine fft)
    {
        _inputs = inputs;
        var n = inputs.Template.Size;
        _slice = new AlignedBuffer<ComplexF>(n * (n / 2 + 1));
        _correlator = new TemplateCorrelator(n, inputs.ImageHeight, inputs.ImageWidth, fft);
        Statistics = new SearchStatistics(inputs.RegionHeight, inputs.RegionWidth);
    }

    public SearchStatistics Statistics { get; }

    /// <summary>Correlates every (pixel size, defocus) plane of <paramref name="orientation"/> and accumulates them.</summary>
    public void Process(int orientation)
    {
        var space = _inputs.Space;
        var rotation = space.Rotation(orientation);
        FourierSlicer.ExtractForSearch(_inputs.Template, rotation, _slice.Span, space.SliceConvention);
        for (var p = 0; p < space.PixelSizeCount; p++)
        {
            for (var d = 0; d < space.DefocusCount; d++)
            {
                _correlator.MakeTemplate(_slice.Span, _inputs.ProjectiveFilter(p, d), _inputs.ImageHeight, _inputs.ImageWidth);
                var correlation = _correlator.Correlate(_inputs.ImageSpectrum.Span);
                Statistics.Add(correlation, _inputs.ImageWidth, space.GlobalIndex(p, d, orientation));
            }
        }
    }

    public void Dispose()
    {
        _slice.Dispose();
        _correlator.Dispose();
    }
}
