using LeopardEm.Projection;

namespace LeopardEm.Tests.Projection;

public class ProjectionNormalizerTests
{
    [Theory]
    [InlineData(32, 32, 64, 64)]
    [InlineData(16, 24, 100, 90)]
    [InlineData(64, 64, 64, 64)]
    public void Padded_template_has_zero_edge_mean_and_unit_variance(int h, int w, int imageH, int imageW)
    {
        var random = new Random(h * 31 + w);
        var template = new float[h * w];
        for (var i = 0; i < template.Length; i++)
        {
            // A blob on an offset background: non-zero edge mean and non-zero total.
            var y = i / w - h / 2.0;
            var x = i % w - w / 2.0;
            template[i] = (float)(3.0 + 5.0 * Math.Exp(-(x * x + y * y) / 20.0) + 0.1 * random.NextDouble());
        }

        ProjectionNormalizer.Normalize(template, h, w, imageH, imageW);

        // Float32 rounding of values of order 1-10 bounds how close to zero the edge mean can get.
        Assert.InRange(ProjectionNormalizer.EdgeMean(template, h, w), -1e-5, 1e-5);
        // Population variance of the template zero-padded to the image frame, computed independently in double.
        double pixels = (double)imageH * imageW;
        var sum = template.Sum(v => (double)v);
        var mean = sum / pixels;
        var squares = template.Sum(v => ((double)v - mean) * ((double)v - mean)) + (pixels - template.Length) * mean * mean;
        Assert.Equal(1.0, squares / pixels, 1e-5);
    }

    [Fact]
    public void Edge_mean_counts_each_perimeter_pixel_once()
    {
        // 3x4 template: perimeter = 10 pixels (all but the 2 interior ones).
        float[] template = [1, 1, 1, 1, 1, 100, 100, 1, 1, 1, 1, 1];
        Assert.Equal(1.0, ProjectionNormalizer.EdgeMean(template, 3, 4), 12);
    }
}
