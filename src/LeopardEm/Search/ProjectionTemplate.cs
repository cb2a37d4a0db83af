using System.Runtime.CompilerServices;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Projection;

namespace LeopardEm.Search;

/// <summary>
/// Turns a central slice into the real-space template the search correlates (spec §9.1–9.2): slice x projective
/// filter → inverse FFT → centred at (N/2, N/2) → edge-mean subtracted and scaled to unit variance when zero-padded to
/// the image. One instance per thread: it owns its buffers.
/// </summary>
internal sealed class ProjectionTemplate : IDisposable
{
    private readonly IFftEngine _fft;
    private readonly int _n;
    private readonly AlignedBuffer<ComplexF> _filtered;
    private readonly AlignedBuffer<float> _projection;
    private readonly float[] _centred;

    /// <param name="templateSize">Template edge N, pixels.</param>
    /// <param name="fft">FFT engine.</param>
    public ProjectionTemplate(int templateSize, IFftEngine fft)
    {
        _fft = fft;
        _n = templateSize;
        _filtered = new AlignedBuffer<ComplexF>(_n * (_n / 2 + 1));
        _projection = new AlignedBuffer<float>(_n * _n);
        _centred = new float[_n * _n];
    }

    /// <summary>
    /// The template of <paramref name="slice"/> (N x (N/2+1), unshifted rfft layout) filtered by
    /// <paramref name="filter"/>, normalised for a <paramref name="normalizationHeight"/> x
    /// <paramref name="normalizationWidth"/> image: N x N values, row-major, valid until the next call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<float> Build(ReadOnlySpan<ComplexF> slice, ReadOnlySpan<float> filter, int normalizationHeight, int normalizationWidth)
    {
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

        ProjectionNormalizer.Normalize(_centred, _n, _n, normalizationHeight, normalizationWidth);
        return _centred;
    }

    public void Dispose()
    {
        _filtered.Dispose();
        _projection.Dispose();
    }
}
