using System.Runtime.CompilerServices;
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
    private readonly IFftEngine _fft;
    private readonly int _n;
    private readonly int _h;
    private readonly int _w;
    private readonly AlignedBuffer<ComplexF> _slice;
    private readonly AlignedBuffer<ComplexF> _filtered;
    private readonly AlignedBuffer<float> _projection;
    private readonly float[] _centred;
    private readonly AlignedBuffer<float> _padded;
    private readonly AlignedBuffer<ComplexF> _spectrum;
    private readonly AlignedBuffer<float> _correlation;

    public CpuCorrelationWorker(SearchInputs inputs, IFftEngine fft)
    {
        _inputs = inputs;
        _fft = fft;
        _n = inputs.Template.Size;
        _h = inputs.ImageHeight;
        _w = inputs.ImageWidth;
        var half = _n / 2 + 1;
        _slice = new AlignedBuffer<ComplexF>(_n * half);
        _filtered = new AlignedBuffer<ComplexF>(_n * half);
        _projection = new AlignedBuffer<float>(_n * _n);
        _centred = new float[_n * _n];
        // Only the top-left N x N block is ever written, so the rest of the padded frame stays zero.
        _padded = new AlignedBuffer<float>((long)_h * _w);
        _spectrum = new AlignedBuffer<ComplexF>((long)_h * (_w / 2 + 1));
        _correlation = new AlignedBuffer<float>((long)_h * _w);
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
                MakeTemplate(_inputs.ProjectiveFilter(p, d));
                Correlate();
                Statistics.Add(_correlation.Span, _w, space.GlobalIndex(p, d, orientation));
            }
        }
    }

    // Slice x projective filter → real-space projection centred at (N/2, N/2) → normalised → top-left of the frame.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MakeTemplate(float[] filter)
    {
        var slice = _slice.Span;
        var filtered = _filtered.Span;
        for (var i = 0; i < filtered.Length; i++)
        {
            filtered[i] = slice[i] * filter[i];
        }

        var projection = _projection.Span;
        _fft.Inverse2D(filtered, projection, _n, _n);
        var half = _n / 2;
        for (var y = 0; y < _n; y++)
        {
            var source = projection.Slice((y + half) % _n * _n, _n);
            var target = _centred.AsSpan(y * _n, _n);
            source[half..].CopyTo(target);
            source[..half].CopyTo(target[(_n - half)..]);
        }

        ProjectionNormalizer.Normalize(_centred, _n, _n, _h, _w);
        var padded = _padded.Span;
        for (var y = 0; y < _n; y++)
        {
            _centred.AsSpan(y * _n, _n).CopyTo(padded.Slice(y * _w, _n));
        }
    }

    // Circular cross-correlation of the normalised micrograph with the padded template: irfft(F_img · conj(F_tpl)).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Correlate()
    {
        var spectrum = _spectrum.Span;
        _fft.Forward2D(_padded.Span, spectrum, _h, _w);
        spectrum[0] = ComplexF.Zero;
        var image = _inputs.ImageSpectrum.Span;
        for (var i = 0; i < spectrum.Length; i++)
        {
            var t = spectrum[i];
            var f = image[i];
            spectrum[i] = new ComplexF(f.Re * t.Re + f.Im * t.Im, f.Im * t.Re - f.Re * t.Im);
        }

        _fft.Inverse2D(spectrum, _correlation.Span, _h, _w);
    }

    public void Dispose()
    {
        _slice.Dispose();
        _filtered.Dispose();
        _projection.Dispose();
        _padded.Dispose();
        _spectrum.Dispose();
        _correlation.Dispose();
    }
}
