using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Orientations;
using LeopardEm.Projection;
using LeopardEm.Tests.Fft;

namespace LeopardEm.Tests.Projection;

public class FourierSlicerTests
{
    private const int N = 32;

    // Gaussian blobs (x, y, z about the volume centre, voxels; sigma; amplitude), asymmetric so that a wrong transpose,
    // sign or axis order changes the projection.
    private static readonly (double X, double Y, double Z, double Sigma, double Amplitude)[] Blobs =
    [
        (0, 0, 0, 2.5, 1.0),
        (6, -2, 3, 2.0, 0.8),
        (-5, 4, -1, 2.2, 0.6),
        (1, 7, -6, 1.8, 0.9),
    ];

    public static TheoryData<string> Engines => FftTestEngines.Available;

    [Theory]
    [MemberData(nameof(Engines))]
    public void Identity_rotation_gives_the_z_projection(string engineName)
    {
        var fft = FftTestEngines.Get(engineName);
        var volume = BlobVolume();
        var projection = SliceProjection(TemplateSpectrum.FromVolume(volume, fft), RotationMatrixF.FromEuler(EulerAngles.Zero), fft);

        var maxError = 0.0;
        var scale = 0.0;
        for (var y = 0; y < N; y++)
        {
            for (var x = 0; x < N; x++)
            {
                double sum = 0;
                for (var z = 0; z < N; z++)
                {
                    sum += volume[z, y, x];
                }

                maxError = Math.Max(maxError, Math.Abs(sum - projection[y * N + x]));
                scale = Math.Max(scale, Math.Abs(sum));
            }
        }

        Assert.True(maxError < 1e-5 * scale, $"max error {maxError} vs scale {scale}");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Slices_match_analytic_projections_for_random_rotations(string engineName)
    {
        var fft = FftTestEngines.Get(engineName);
        var spectrum = TemplateSpectrum.FromVolume(BlobVolume(), fft);
        var random = new Random(42);
        for (var trial = 0; trial < 6; trial++)
        {
            var angles = new EulerAngles(random.NextDouble() * 360, Math.Acos(2 * random.NextDouble() - 1) * 180 / Math.PI, random.NextDouble() * 360);
            var rotation = RotationMatrix.FromEuler(angles);
            var ours = SliceProjection(spectrum, rotation.ToSingle(), fft);
            var expected = AnalyticProjection(rotation);
            var correlation = Pearson(ours, expected);
            Assert.True(correlation > 0.99, $"{angles}: correlation {correlation:F5}");
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Column_zero_of_a_slice_is_hermitian(string engineName)
    {
        var fft = FftTestEngines.Get(engineName);
        var spectrum = TemplateSpectrum.FromVolume(BlobVolume(), fft);
        var half = N / 2 + 1;
        var slice = new ComplexF[N * half];
        float[] rotation = new float[9];
        RotationMatrixF.FromEuler(new EulerAngles(37, 61, 113)).CopyTo(rotation);
        FourierSlicer.Extract(spectrum, rotation, slice);
        // Rows are fftshifted: row r holds ky = (r − N/2)/N, so rows N/2 + j and N/2 − j are mirror frequencies.
        for (var j = 1; j < N / 2; j++)
        {
            var plus = slice[(N / 2 + j) * half];
            var minus = slice[(N / 2 - j) * half];
            Assert.Equal(plus.Re, minus.Re, 1e-5f * (1 + Math.Abs(plus.Re)));
            Assert.Equal(plus.Im, -minus.Im, 1e-5f * (1 + Math.Abs(plus.Im)));
        }
    }

    [Fact]
    public void Search_slice_has_zero_dc_flipped_contrast_and_unshifted_rows()
    {
        var fft = FftEngines.Managed;
        var spectrum = TemplateSpectrum.FromVolume(BlobVolume(), fft);
        var half = N / 2 + 1;
        float[] rotation = new float[9];
        RotationMatrixF.FromEuler(new EulerAngles(10, 20, 30)).CopyTo(rotation);
        var raw = new ComplexF[N * half];
        var search = new ComplexF[N * half];
        FourierSlicer.Extract(spectrum, rotation, raw);
        FourierSlicer.ExtractForSearch(spectrum, rotation, search);
        Assert.Equal(ComplexF.Zero, search[0]);
        for (var r = 0; r < N; r++)
        {
            for (var c = 0; c < half; c++)
            {
                if (r == 0 && c == 0)
                {
                    continue;
                }

                Assert.Equal(-raw[(r + N / 2) % N * half + c], search[r * half + c]);
            }
        }
    }

    [Fact]
    public void Non_cubic_or_odd_templates_are_rejected()
    {
        Assert.Contains("cubic", Assert.Throws<ArgumentException>(() => TemplateSpectrum.FromVolume(new Volume3D(4, 4, 6), FftEngines.Managed)).Message);
        Assert.Contains("even", Assert.Throws<ArgumentException>(() => TemplateSpectrum.FromVolume(new Volume3D(5, 5, 5), FftEngines.Managed)).Message);
    }

    private static Volume3D BlobVolume()
    {
        var volume = new Volume3D(N, N, N);
        for (var z = 0; z < N; z++)
        {
            for (var y = 0; y < N; y++)
            {
                for (var x = 0; x < N; x++)
                {
                    double value = 0;
                    foreach (var b in Blobs)
                    {
                        var d2 = Square(x - N / 2 - b.X) + Square(y - N / 2 - b.Y) + Square(z - N / 2 - b.Z);
                        value += b.Amplitude * Math.Exp(-d2 / (2 * b.Sigma * b.Sigma));
                    }

                    volume[z, y, x] = (float)value;
                }
            }
        }

        return volume;
    }

    // p(x, y) = ∫ v(R·(x, y, t)) dt: a blob at c contributes a 2-D Gaussian centred at the (x, y) of Rᵀc, with weight
    // √(2π)·σ from integrating along t.
    private static double[] AnalyticProjection(RotationMatrix rotation)
    {
        var inverse = rotation.Transpose();
        var result = new double[N * N];
        foreach (var b in Blobs)
        {
            var (cx, cy, _) = inverse.Apply(b.X, b.Y, b.Z);
            var weight = b.Amplitude * Math.Sqrt(2 * Math.PI) * b.Sigma;
            for (var y = 0; y < N; y++)
            {
                for (var x = 0; x < N; x++)
                {
                    var d2 = Square(x - N / 2 - cx) + Square(y - N / 2 - cy);
                    result[y * N + x] += weight * Math.Exp(-d2 / (2 * b.Sigma * b.Sigma));
                }
            }
        }

        return result;
    }

    // Raw slice → unshifted rows → inverse rfft → real-space ifftshift: the projection centred at (N/2, N/2).
    internal static float[] SliceProjection(TemplateSpectrum spectrum, RotationMatrixF rotation, IFftEngine fft)
    {
        var half = N / 2 + 1;
        var raw = new ComplexF[N * half];
        float[] matrix = new float[9];
        rotation.CopyTo(matrix);
        FourierSlicer.Extract(spectrum, matrix, raw);
        var unshifted = new ComplexF[raw.Length];
        for (var r = 0; r < N; r++)
        {
            raw.AsSpan(r * half, half).CopyTo(unshifted.AsSpan((r + N / 2) % N * half, half));
        }

        var image = new float[N * N];
        fft.Inverse2D(unshifted, image, N, N);
        var centred = new float[N * N];
        for (var y = 0; y < N; y++)
        {
            for (var x = 0; x < N; x++)
            {
                centred[(y + N / 2) % N * N + (x + N / 2) % N] = image[y * N + x];
            }
        }

        return centred;
    }

    private static double Pearson(float[] a, double[] b)
    {
        var meanA = a.Average(v => (double)v);
        var meanB = b.Average();
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            ab += (a[i] - meanA) * (b[i] - meanB);
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
        }

        return ab / Math.Sqrt(aa * bb);
    }

    private static double Square(double v) => v * v;
}
