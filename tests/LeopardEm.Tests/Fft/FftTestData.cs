using System.Numerics;
using LeopardEm.Imaging;

namespace LeopardEm.Tests.Fft;

/// <summary>Deterministic inputs and error measures for the FFT tests.</summary>
public static class FftTestData
{
    /// <summary><paramref name="length"/> uniform samples in [-1, 1) plus a constant offset (so DC dominates, as
    /// in images).</summary>
    public static float[] RealSamples(int length, int seed, float offset = 0.25f)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1) + offset).ToArray();
    }

    /// <summary>Arbitrary complex values (not Hermitian anywhere).</summary>
    public static ComplexF[] ComplexSamples(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length)
            .Select(_ => new ComplexF((float)(random.NextDouble() * 2 - 1), (float)(random.NextDouble() * 2 - 1)))
            .ToArray();
    }

    /// <summary>max |actual - expected| / max |expected|.</summary>
    public static double MaxRelativeError(ReadOnlySpan<ComplexF> actual, IReadOnlyList<Complex> expected)
    {
        double error = 0, scale = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            error = Math.Max(error, Complex.Abs(new Complex(actual[i].Re, actual[i].Im) - expected[i]));
            scale = Math.Max(scale, Complex.Abs(expected[i]));
        }

        return error / scale;
    }

    /// <summary>max |actual - expected| / max |expected|.</summary>
    public static double MaxRelativeError(ReadOnlySpan<float> actual, IReadOnlyList<double> expected)
    {
        double error = 0, scale = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            error = Math.Max(error, Math.Abs(actual[i] - expected[i]));
            scale = Math.Max(scale, Math.Abs(expected[i]));
        }

        return error / scale;
    }

    /// <summary>max |a - b| / max |b| over complex values.</summary>
    public static double MaxRelativeError(ReadOnlySpan<ComplexF> a, ReadOnlySpan<ComplexF> b)
    {
        double error = 0, scale = 0;
        for (var i = 0; i < b.Length; i++)
        {
            error = Math.Max(error, (a[i] - b[i]).Magnitude);
            scale = Math.Max(scale, b[i].Magnitude);
        }

        return error / scale;
    }

    /// <summary>max |a - b| / max |b| over real values.</summary>
    public static double MaxRelativeError(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double error = 0, scale = 0;
        for (var i = 0; i < b.Length; i++)
        {
            error = Math.Max(error, Math.Abs(a[i] - b[i]));
            scale = Math.Max(scale, Math.Abs(b[i]));
        }

        return error / scale;
    }

    /// <summary>‖a - b‖₂ / ‖b‖₂ over complex values, accumulated in double.</summary>
    public static double L2RelativeError(ReadOnlySpan<ComplexF> a, ReadOnlySpan<ComplexF> b)
    {
        double error = 0, norm = 0;
        for (var i = 0; i < b.Length; i++)
        {
            double dr = a[i].Re - b[i].Re, di = a[i].Im - b[i].Im;
            error += dr * dr + di * di;
            norm += (double)b[i].Re * b[i].Re + (double)b[i].Im * b[i].Im;
        }

        return Math.Sqrt(error / norm);
    }

    /// <summary>‖a - b‖₂ / ‖b‖₂ over real values, accumulated in double.</summary>
    public static double L2RelativeError(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double error = 0, norm = 0;
        for (var i = 0; i < b.Length; i++)
        {
            double d = a[i] - b[i];
            error += d * d;
            norm += (double)b[i] * b[i];
        }

        return Math.Sqrt(error / norm);
    }
}
