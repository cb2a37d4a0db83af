using System.Numerics;
using LeopardEm.Imaging;
using LeopardEm.Orientations;
using LeopardEm.Projection;
using LeopardEm.Search;
using LeopardEm.Tests.Fft;

namespace LeopardEm.Tests.Search;

/// <summary>
/// A straightforward double-precision 2DTM search (spec §9, §10, Appendix A) to check backends against: naive inverse
/// DFTs, the template normalisation written out from its documented definition, and the circular cross-correlation
/// <c>cc[y, x] = Σ_{i,j&lt;N} f[(y+i) mod H, (x+j) mod W]·t[i, j]</c> summed directly in real space.
/// </summary>
public static class NaiveCorrelation
{
    /// <summary>Statistics of a naive search over the inputs' statistics region.</summary>
    /// <param name="Mip">Maximum per pixel.</param>
    /// <param name="BestIndex">Lowest global index reaching the maximum.</param>
    /// <param name="RunnerUp">Largest value of any other search point (the margin of the argmax is Mip − RunnerUp).</param>
    /// <param name="Mean">Mean of all correlations.</param>
    /// <param name="StandardDeviation">Population standard deviation of all correlations.</param>
    public sealed record Result(double[] Mip, int[] BestIndex, double[] RunnerUp, double[] Mean, double[] StandardDeviation);

    /// <summary>
    /// The normalised real-space template for one rotation and projective filter: search slice x filter, inverse DFT,
    /// centred at (N/2, N/2), border mean subtracted and scaled so the template zero-padded to the H x W frame has
    /// population variance 1 (Σt² − (Σt)²/(H·W) = H·W). Row-major N x N.
    /// </summary>
    public static double[] Template(
        TemplateSpectrum spectrum, RotationMatrixF rotation, SliceConvention convention, float[] filter, int imageHeight, int imageWidth)
    {
        var n = spectrum.Size;
        var slice = new ComplexF[n * (n / 2 + 1)];
        FourierSlicer.ExtractForSearch(spectrum, rotation, slice, convention);
        var filtered = slice.Select((s, i) => new Complex((double)s.Re * filter[i], (double)s.Im * filter[i])).ToArray();
        var projection = ReferenceDft.Inverse(filtered, 1, n, n);
        var t = new double[n * n];
        for (var y = 0; y < n; y++)
        {
            for (var x = 0; x < n; x++)
            {
                t[y * n + x] = projection[(y + n / 2) % n * n + (x + n / 2) % n];
            }
        }

        double edge = 0;
        for (var i = 0; i < n; i++)
        {
            edge += t[i] + t[(n - 1) * n + i];
        }

        for (var i = 1; i < n - 1; i++)
        {
            edge += t[i * n] + t[i * n + n - 1];
        }

        edge /= 4 * n - 4;
        double sum = 0, squares = 0;
        for (var i = 0; i < t.Length; i++)
        {
            t[i] -= edge;
            sum += t[i];
            squares += t[i] * t[i];
        }

        double pixels = (double)imageHeight * imageWidth;
        var scale = Math.Sqrt(pixels / (squares - sum * sum / pixels));
        for (var i = 0; i < t.Length; i++)
        {
            t[i] *= scale;
        }

        return t;
    }

    /// <summary>The prepared micrograph in real space in its correlation frame (naive inverse DFT of the inputs' frame
    /// spectrum): Frame.Height x Frame.Width.</summary>
    public static double[] RealImage(SearchInputs inputs)
    {
        var spectrum = inputs.FrameSpectrum.Span.ToArray().Select(c => new Complex(c.Re, c.Im)).ToArray();
        return ReferenceDft.Inverse(spectrum, 1, inputs.Frame.Height, inputs.Frame.Width);
    }

    /// <summary>Circular cross-correlation of <paramref name="image"/> with an N x N template, over the top-left
    /// <paramref name="regionHeight"/> x <paramref name="regionWidth"/> corners.</summary>
    public static double[] Correlate(double[] image, int height, int width, double[] template, int n, int regionHeight, int regionWidth)
    {
        var result = new double[regionHeight * regionWidth];
        for (var y = 0; y < regionHeight; y++)
        {
            for (var x = 0; x < regionWidth; x++)
            {
                double sum = 0;
                for (var i = 0; i < n; i++)
                {
                    var row = (y + i) % height * width;
                    for (var j = 0; j < n; j++)
                    {
                        sum += image[row + (x + j) % width] * template[i * n + j];
                    }
                }

                result[y * regionWidth + x] = sum;
            }
        }

        return result;
    }

    /// <summary>Runs every search point of <paramref name="inputs"/> in ascending global index.</summary>
    public static Result Search(SearchInputs inputs)
    {
        var space = inputs.Space;
        int h = inputs.ImageHeight, w = inputs.ImageWidth, n = inputs.Template.Size;
        int frameHeight = inputs.Frame.Height, frameWidth = inputs.Frame.Width;
        var pixels = inputs.RegionHeight * inputs.RegionWidth;
        var image = RealImage(inputs);
        var mip = Enumerable.Repeat(double.NegativeInfinity, pixels).ToArray();
        var runnerUp = Enumerable.Repeat(double.NegativeInfinity, pixels).ToArray();
        var best = Enumerable.Repeat(-1, pixels).ToArray();
        var sum = new double[pixels];
        var squares = new double[pixels];
        for (var p = 0; p < space.PixelSizeCount; p++)
        {
            for (var d = 0; d < space.DefocusCount; d++)
            {
                for (var o = 0; o < space.OrientationCount; o++)
                {
                    var t = Template(inputs.Template, space.Rotation(o), space.SliceConvention, inputs.ProjectiveFilter(p, d), h, w);
                    var cc = Correlate(image, frameHeight, frameWidth, t, n, inputs.RegionHeight, inputs.RegionWidth);
                    var g = space.GlobalIndex(p, d, o);
                    for (var i = 0; i < pixels; i++)
                    {
                        if (cc[i] > mip[i])
                        {
                            runnerUp[i] = mip[i];
                            mip[i] = cc[i];
                            best[i] = g;
                        }
                        else
                        {
                            runnerUp[i] = Math.Max(runnerUp[i], cc[i]);
                        }

                        sum[i] += cc[i];
                        squares[i] += cc[i] * cc[i];
                    }
                }
            }
        }

        double total = space.Total;
        var mean = sum.Select(s => s / total).ToArray();
        var std = squares.Select((s, i) => Math.Sqrt(Math.Max(s / total - mean[i] * mean[i], 0))).ToArray();
        return new Result(mip, best, runnerUp, mean, std);
    }
}
