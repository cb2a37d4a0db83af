using System.Numerics;

namespace LeopardEm.Tests.Fft;

/// <summary>
/// Naive separable DFTs in double precision, the yardstick for the engines. Roots of unity are indexed by
/// <c>(k·x) mod n</c> so they are exact to double rounding. Shapes are <c>depth x height x width</c> (depth 1 for 2-D).
/// </summary>
public static class ReferenceDft
{
    /// <summary>The <c>depth x height x (width/2+1)</c> half spectrum of a real array, unnormalised.</summary>
    public static Complex[] Forward(float[] input, int depth, int height, int width)
    {
        var cw = width / 2 + 1;
        var data = new Complex[depth * height * cw];
        var rootsX = Roots(width, -1);
        for (var r = 0; r < depth * height; r++)
        {
            for (var k = 0; k < cw; k++)
            {
                var sum = Complex.Zero;
                for (var x = 0; x < width; x++)
                {
                    sum += input[r * width + x] * rootsX[(long)k * x % width];
                }

                data[r * cw + k] = sum;
            }
        }

        for (var z = 0; z < depth; z++)
        {
            Strided(data, z * height * cw, height, cw, cw, -1);
        }

        Strided(data, 0, depth, height * cw, height * cw, -1);
        return data;
    }

    /// <summary>The real inverse of a half spectrum, scaled by 1/N, defined through the Hermitian completion: complex
    /// inverse along z and y, then <c>x = Σ_k w_k Re(G_k exp(2πikx/W))</c> with <c>w_k = 1</c> at k = 0 and k = W/2
    /// and 2 elsewhere — so only the Hermitian part of columns 0 and W/2 matters.</summary>
    public static double[] Inverse(Complex[] spectrum, int depth, int height, int width)
    {
        var cw = width / 2 + 1;
        var data = (Complex[])spectrum.Clone();
        Strided(data, 0, depth, height * cw, height * cw, +1);
        for (var z = 0; z < depth; z++)
        {
            Strided(data, z * height * cw, height, cw, cw, +1);
        }

        var output = new double[depth * height * width];
        var rootsX = Roots(width, +1);
        double n = (double)depth * height * width;
        for (var r = 0; r < depth * height; r++)
        {
            for (var x = 0; x < width; x++)
            {
                var sum = 0.0;
                for (var k = 0; k < cw; k++)
                {
                    var weight = k == 0 || 2 * k == width ? 1.0 : 2.0;
                    sum += weight * (data[r * cw + k] * rootsX[(long)k * x % width]).Real;
                }

                output[r * width + x] = sum / n;
            }
        }

        return output;
    }

    // Complex DFT of length `length` along an axis with element stride `stride`, for `lanes` adjacent lanes.
    private static void Strided(Complex[] data, int offset, int length, int stride, int lanes, int sign)
    {
        if (length == 1)
        {
            return;
        }

        var roots = Roots(length, sign);
        var line = new Complex[length];
        for (var lane = 0; lane < lanes; lane++)
        {
            for (var k = 0; k < length; k++)
            {
                var sum = Complex.Zero;
                for (var t = 0; t < length; t++)
                {
                    sum += data[offset + lane + t * stride] * roots[(long)k * t % length];
                }

                line[k] = sum;
            }

            for (var k = 0; k < length; k++)
            {
                data[offset + lane + k * stride] = line[k];
            }
        }
    }

    private static Complex[] Roots(int n, int sign) =>
        Enumerable.Range(0, n).Select(e => Complex.FromPolarCoordinates(1, sign * 2 * Math.PI * e / n)).ToArray();
}
