namespace LeopardEm.Interop;

/// <summary>
/// RELION's per-particle normalisation (<c>normalise</c> in RELION 3.1's image.cpp): the background is every pixel
/// with <c>i² + j² &gt; r²</c>, where (i, j) = (row − B/2, column − B/2) are offsets from the box centre pixel;
/// optionally a least-squares plane <c>a·j + b·i + c</c> fitted to the background is subtracted from the whole box;
/// then the box is shifted and scaled so that the background has mean 0 and population standard deviation 1. A box
/// whose background is constant (deviation below 1e-10) is left as it is, as RELION does.
/// </summary>
public static class BackgroundNormalization
{
    /// <summary>Normalises a square box in place.</summary>
    /// <param name="box">The box, row-major, <paramref name="size"/>².</param>
    /// <param name="size">Box edge B, pixels.</param>
    /// <param name="radius">Background radius r, pixels; 1 ≤ r ≤ B/2.</param>
    /// <param name="subtractRamp">Subtract the fitted plane first (RELION's default).</param>
    public static void Apply(Span<float> box, int size, int radius, bool subtractRamp)
    {
        if (box.Length != size * size)
        {
            throw new ArgumentException($"Expected {size} x {size} values, got {box.Length}.", nameof(box));
        }

        if (radius < 1 || 2 * radius > size)
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, $"The background radius must be between 1 and {size / 2}.");
        }

        if (subtractRamp)
        {
            SubtractPlane(box, size, radius);
        }

        double sum = 0, sumSquares = 0;
        var count = 0;
        var centre = size / 2;
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                if (IsBackground(row - centre, column - centre, radius))
                {
                    double value = box[row * size + column];
                    sum += value;
                    sumSquares += value * value;
                    count++;
                }
            }
        }

        var mean = sum / count;
        var deviation = Math.Sqrt(Math.Max(sumSquares / count - mean * mean, 0));
        if (deviation < 1e-10)
        {
            return;
        }

        for (var i = 0; i < box.Length; i++)
        {
            box[i] = (float)((box[i] - mean) / deviation);
        }
    }

    // Least-squares plane z = a·j + b·i + c through the background pixels (normal equations, solved by Cramer's
    // rule; the background of a centred circle makes the system well conditioned).
    private static void SubtractPlane(Span<float> box, int size, int radius)
    {
        double sjj = 0, sji = 0, sj = 0, sii = 0, si = 0, n = 0, szj = 0, szi = 0, sz = 0;
        var centre = size / 2;
        for (var row = 0; row < size; row++)
        {
            var i = row - centre;
            for (var column = 0; column < size; column++)
            {
                var j = column - centre;
                if (!IsBackground(i, j, radius))
                {
                    continue;
                }

                double z = box[row * size + column];
                sjj += j * j;
                sji += j * i;
                sj += j;
                sii += i * i;
                si += i;
                n++;
                szj += z * j;
                szi += z * i;
                sz += z;
            }
        }

        var determinant = Determinant(sjj, sji, sj, sji, sii, si, sj, si, n);
        if (Math.Abs(determinant) < 1e-12)
        {
            return;
        }

        var a = Determinant(szj, sji, sj, szi, sii, si, sz, si, n) / determinant;
        var b = Determinant(sjj, szj, sj, sji, szi, si, sj, sz, n) / determinant;
        var c = Determinant(sjj, sji, szj, sji, sii, szi, sj, si, sz) / determinant;
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                box[row * size + column] -= (float)(a * (column - centre) + b * (row - centre) + c);
            }
        }
    }

    private static double Determinant(double a, double b, double c, double d, double e, double f, double g, double h, double k) =>
        a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);

    private static bool IsBackground(int i, int j, int radius) => i * i + j * j > radius * radius;
}
