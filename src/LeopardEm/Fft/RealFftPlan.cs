using System.Runtime.CompilerServices;
using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>
/// Unnormalised real-to-complex and complex-to-real DFTs of one row length n, producing or consuming the n/2+1
/// non-negative frequencies. Even n packs the row as n/2 complex values (even samples real, odd samples imaginary),
/// runs one half-length complex FFT and untangles the two interleaved spectra with <c>exp(-2πik/n)</c> twiddles; odd
/// n runs a full-length complex FFT. The inverse uses only the real part of frequencies 0 and n/2 (the Hermitian part
/// of a 1-D half spectrum), like FFTW.
/// </summary>
internal sealed unsafe class RealFftPlan
{
    private readonly int _length;
    private readonly ComplexFftPlan _complex;
    private readonly ComplexF[] _twiddles;

    /// <summary>Plans rows of <paramref name="length"/> samples.</summary>
    public RealFftPlan(int length)
    {
        _length = length;
        var half = length / 2;
        var even = length % 2 == 0;
        _complex = ManagedFftPlans.Complex(even ? half : length);
        _twiddles = new ComplexF[even ? half + 1 : 0];
        for (var k = 0; k < _twiddles.Length; k++)
        {
            var (sin, cos) = Math.SinCos(-2 * Math.PI * k / length);
            _twiddles[k] = new ComplexF((float)cos, (float)sin);
        }
    }

    /// <summary>Forward transform of <c>n</c> samples into <c>n/2+1</c> values.</summary>
    public void Forward(float* input, ComplexF* output)
    {
        if (_length % 2 == 0)
        {
            ForwardEven(input, output);
            return;
        }

        var row = ManagedFftScratch.Row(_length);
        for (var j = 0; j < _length; j++)
        {
            row[j] = new ComplexF(input[j], 0);
        }

        _complex.Transform(row, ManagedFftScratch.Plan(_complex.ScratchLength(1)), 1, inverse: false);
        var bytes = (long)(_length / 2 + 1) * sizeof(ComplexF);
        Buffer.MemoryCopy(row, output, bytes, bytes);
    }

    /// <summary>Unscaled inverse of <c>n/2+1</c> values into <c>n</c> samples; overwrites the input.</summary>
    public void Inverse(ComplexF* input, float* output)
    {
        if (_length % 2 == 0)
        {
            InverseEven(input, output);
            return;
        }

        // Rebuild the full Hermitian spectrum; the DC term's imaginary part is dropped.
        var row = ManagedFftScratch.Row(_length);
        row[0] = new ComplexF(input[0].Re, 0);
        for (var k = 1; k <= _length / 2; k++)
        {
            row[k] = input[k];
            row[_length - k] = input[k].Conjugate();
        }

        _complex.Transform(row, ManagedFftScratch.Plan(_complex.ScratchLength(1)), 1, inverse: true);
        for (var j = 0; j < _length; j++)
        {
            output[j] = row[j].Re;
        }
    }

    // z = x_even + i x_odd, Z = FFT(z); then E_k = (Z_k + conj Z_(h-k))/2 and O_k = (Z_k - conj Z_(h-k))/(2i) are the
    // spectra of the even and odd samples, and X_k = E_k + w^k O_k.
    private void ForwardEven(float* input, ComplexF* output)
    {
        var half = _length / 2;
        var bytes = (long)_length * sizeof(float);
        Buffer.MemoryCopy(input, output, bytes, bytes);
        _complex.Transform(output, ManagedFftScratch.Plan(_complex.ScratchLength(1)), 1, inverse: false);

        var z0 = output[0];
        output[0] = new ComplexF(z0.Re + z0.Im, 0);
        output[half] = new ComplexF(z0.Re - z0.Im, 0);
        for (var k = 1; k <= half / 2; k++)
        {
            var zk = output[k];
            var zm = output[half - k];
            var e = new ComplexF(0.5f * (zk.Re + zm.Re), 0.5f * (zk.Im - zm.Im));
            var o = new ComplexF(0.5f * (zk.Im + zm.Im), -0.5f * (zk.Re - zm.Re));
            output[k] = e + _twiddles[k] * o;
            if (k != half - k)
            {
                output[half - k] = e.Conjugate() + _twiddles[half - k] * o.Conjugate();
            }
        }
    }

    // The exact reverse of ForwardEven without its halvings: Z_k = E_k + i O_k with E_k = X_k + conj X_(h-k) and
    // O_k = (X_k - conj X_(h-k)) conj(w^k); the unscaled half-length inverse then yields n·(x_even + i x_odd).
    private void InverseEven(ComplexF* input, float* output)
    {
        var half = _length / 2;
        var dc = input[0].Re;
        var nyquist = input[half].Re;
        input[0] = new ComplexF(dc + nyquist, dc - nyquist);
        for (var k = 1; k <= half / 2; k++)
        {
            var xk = input[k];
            var xm = input[half - k];
            input[k] = Untangle(xk, xm, _twiddles[k]);
            if (k != half - k)
            {
                input[half - k] = Untangle(xm, xk, _twiddles[half - k]);
            }
        }

        _complex.Transform(input, ManagedFftScratch.Plan(_complex.ScratchLength(1)), 1, inverse: true);
        var bytes = (long)_length * sizeof(float);
        Buffer.MemoryCopy(input, output, bytes, bytes);
    }

    // Inlined so the complex values stay in registers: as a call, each ComplexF goes through the stack in 8-byte
    // stores read back as 4-byte halves, a store-forwarding stall that made the inverse six times the forward.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ComplexF Untangle(ComplexF xk, ComplexF xm, ComplexF w)
    {
        var e = new ComplexF(xk.Re + xm.Re, xk.Im - xm.Im);
        var d = new ComplexF(xk.Re - xm.Re, xk.Im + xm.Im);
        var o = new ComplexF(d.Re * w.Re + d.Im * w.Im, d.Im * w.Re - d.Re * w.Im);
        return new ComplexF(e.Re - o.Im, e.Im + o.Re);
    }
}
