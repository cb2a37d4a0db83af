namespace LeopardEm.Fft;

/// <summary>Transform lengths that every engine handles at full speed.</summary>
public static class FftSize
{
    /// <summary>The smallest even length ≥ <paramref name="length"/> whose prime factors are all 2, 3, 5 or 7. Such
    /// lengths run on the fast radices of both engines; a large prime factor (4092 = 4·3·11·31) costs FFTW generic
    /// codelets and the managed engine Bluestein's algorithm, several times slower.</summary>
    /// <param name="length">A length ≥ 1.</param>
    public static int NextSmoothEven(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        for (var candidate = length + (length & 1); ; candidate += 2)
        {
            var rest = candidate;
            foreach (var prime in (ReadOnlySpan<int>)[2, 3, 5, 7])
            {
                while (rest % prime == 0)
                {
                    rest /= prime;
                }
            }

            if (rest == 1)
            {
                return candidate;
            }
        }
    }
}
