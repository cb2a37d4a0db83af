using System.Runtime.InteropServices;
using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>Argument checks shared by every engine, so all engines reject the same calls with the same messages.</summary>
internal static class FftArguments
{
    /// <summary>Checks a transform between <paramref name="count"/> real <c>depth x height x width</c> arrays and their
    /// half spectra, and returns the number of real samples and complex values in one of them.</summary>
    public static (int Real, int Complex) Check(
        ReadOnlySpan<float> real, ReadOnlySpan<ComplexF> complex, int depth, int height, int width, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var realItem = (long)depth * height * width;
        var complexItem = (long)depth * height * (width / 2 + 1);
        if (realItem * count > int.MaxValue || complexItem * count > int.MaxValue)
        {
            throw new ArgumentException($"A {count} x {depth} x {height} x {width} transform exceeds 2^31 elements.");
        }

        if (real.Length < realItem * count)
        {
            throw new ArgumentException($"The real buffer holds {real.Length} samples; {realItem * count} are needed.", nameof(real));
        }

        if (complex.Length < complexItem * count)
        {
            throw new ArgumentException($"The complex buffer holds {complex.Length} values; {complexItem * count} are needed.", nameof(complex));
        }

        // Transforms are out of place; overlapping buffers would be read after being written.
        if (real[..(int)(realItem * count)].Overlaps(MemoryMarshal.Cast<ComplexF, float>(complex[..(int)(complexItem * count)])))
        {
            throw new ArgumentException("The real and complex buffers overlap; transforms are out of place.");
        }

        return ((int)realItem, (int)complexItem);
    }

    /// <summary>Checks an in-place transform of <paramref name="count"/> interleaved sequences of
    /// <paramref name="length"/> values.</summary>
    public static void CheckColumns(ReadOnlySpan<ComplexF> data, int length, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if ((long)length * count > data.Length)
        {
            throw new ArgumentException($"The buffer holds {data.Length} values; {(long)length * count} are needed.", nameof(data));
        }
    }
}
