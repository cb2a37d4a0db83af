using System.Numerics;
using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>
/// Bluestein's chirp-z complex FFT for lengths with a prime factor too large for <see cref="StockhamFft"/>: with
/// <c>c_j = exp(-πi j²/n)</c>, <c>X_k = c_k Σ_j (x_j c_j) conj(c_(k-j))</c>, a convolution evaluated with power-of-two
/// FFTs of length M ≥ 2n-1. O(n log n) for every n, at about six times the cost of a power-of-two FFT of length n.
/// </summary>
internal sealed unsafe class BluesteinFft : ComplexFftPlan
{
    private readonly int _paddedLength;
    private readonly ComplexFftPlan _padded;
    private readonly ComplexF[] _chirp;
    private readonly ComplexF[] _kernelSpectrum;

    /// <summary>Plans length <paramref name="length"/>.</summary>
    public BluesteinFft(int length)
        : base(length)
    {
        _paddedLength = (int)BitOperations.RoundUpToPowerOf2((uint)(2 * length - 1));
        _padded = new StockhamFft(_paddedLength);

        // j² mod 2n keeps the chirp's argument small, so it is exact in double even for large j.
        _chirp = new ComplexF[length];
        for (var j = 0; j < length; j++)
        {
            _chirp[j] = Root((long)j * j % (2L * length), 2L * length);
        }

        // The kernel conj(c_j) wraps around for negative j; its spectrum is scaled by 1/M to fold the normalisation
        // of the inverse convolution FFT in here.
        _kernelSpectrum = new ComplexF[_paddedLength];
        var scale = 1f / _paddedLength;
        _kernelSpectrum[0] = _chirp[0].Conjugate() * scale;
        for (var j = 1; j < length; j++)
        {
            _kernelSpectrum[j] = _kernelSpectrum[_paddedLength - j] = _chirp[j].Conjugate() * scale;
        }

        var scratch = new ComplexF[_padded.ScratchLength(1)];
        fixed (ComplexF* kernel = _kernelSpectrum)
        fixed (ComplexF* work = scratch)
        {
            _padded.Transform(kernel, work, 1, inverse: false);
        }
    }

    /// <inheritdoc />
    public override int ScratchLength(int batch) => _paddedLength + _padded.ScratchLength(1);

    /// <inheritdoc />
    public override void Transform(ComplexF* data, ComplexF* scratch, int batch, bool inverse)
    {
        // The inverse is conj(forward(conj(x))), which keeps a single chirp table.
        var a = scratch;
        var work = scratch + _paddedLength;
        fixed (ComplexF* chirp = _chirp)
        fixed (ComplexF* kernel = _kernelSpectrum)
        {
            for (var q = 0; q < batch; q++)
            {
                for (var j = 0; j < Length; j++)
                {
                    var x = data[q + (nint)batch * j];
                    a[j] = (inverse ? x.Conjugate() : x) * chirp[j];
                }

                new Span<ComplexF>(a + Length, _paddedLength - Length).Clear();
                _padded.Transform(a, work, 1, inverse: false);
                for (var k = 0; k < _paddedLength; k++)
                {
                    a[k] *= kernel[k];
                }

                _padded.Transform(a, work, 1, inverse: true);
                for (var k = 0; k < Length; k++)
                {
                    var y = a[k] * chirp[k];
                    data[q + (nint)batch * k] = inverse ? y.Conjugate() : y;
                }
            }
        }
    }
}
