using LeopardEm.Demo;
using LeopardEm.Fft;
using LeopardEm.Orientations;
using LeopardEm.Projection;
using LeopardEm.Tests.Projection;

namespace LeopardEm.Tests.Orientations;

public class CenterVectorTests
{
    private const int N = 32;

    [Fact]
    public void The_image_frame_vector_is_where_the_projector_puts_the_point()
    {
        // One voxel = 1 Å here: a blob at c appears at (Rᵀc)_x, (Rᵀc)_y from the projection's centre.
        var c = new CenterVector(5, -3, 4);
        var spectrum = TemplateSpectrum.FromVolume(BlobVolume.Render(N, [new GaussianBlob(c.X, c.Y, c.Z, 1.0, 1)]), FftEngines.Managed);
        foreach (var angles in new EulerAngles[] { new(30, 40, 50), new(100, 70, 200), new(250, 120, 10), new(15, 160, 300), new(200, 90, 90) })
        {
            var projection = FourierSlicerTests.SliceProjection(spectrum, angles.ToMatrix().ToSingle(), FftEngines.Managed);
            var (x, y) = Centroid(projection);
            var image = c.InImageFrame(angles);
            // The slicer's interpolation weights the projection slightly across the box: a tenth of a pixel.
            Assert.Equal(image.X, x - N / 2, 0.2);
            Assert.Equal(image.Y, y - N / 2, 0.2);
            // R·c (upstream's choice) would put it elsewhere, so this check tells the two apart.
            var (rx, ry, _) = angles.ToMatrix().Apply(c.X, c.Y, c.Z);
            Assert.True(Math.Abs(rx - image.X) + Math.Abs(ry - image.Y) > 2, $"{angles}: R·c and Rᵀ·c agree in the image");
        }
    }

    [Fact]
    public void The_depth_is_the_third_image_coordinate_with_angles_in_degrees()
    {
        // Ry(90°) turns the body's x axis onto the beam: a point 10 Å along x is 10 Å deep.
        Assert.Equal(10, new CenterVector(10, 0, 0).DepthAt(new EulerAngles(0, 90, 0)), 12);
        // Rz(90°)·Ry(90°): the body's y axis is along the beam; R·c (upstream) would give depth 0 here.
        Assert.Equal(7, new CenterVector(0, 7, 0).DepthAt(new EulerAngles(90, 90, 0)), 12);
        Assert.Equal(-3, new CenterVector(1, 2, -3).DepthAt(EulerAngles.Zero), 12);
        // The length is kept.
        var image = new CenterVector(1, 2, -3).InImageFrame(new EulerAngles(30, 40, 50));
        Assert.Equal(Math.Sqrt(14), Math.Sqrt(image.X * image.X + image.Y * image.Y + image.Z * image.Z), 12);
    }

    private static (double X, double Y) Centroid(float[] image)
    {
        double sum = 0, sx = 0, sy = 0;
        var peak = image.Max();
        for (var y = 0; y < N; y++)
        {
            for (var x = 0; x < N; x++)
            {
                // Only the blob, not the ringing of the band-limited slice.
                var v = image[y * N + x];
                if (v > 0.05 * peak)
                {
                    sum += v;
                    sx += v * x;
                    sy += v * y;
                }
            }
        }

        return (sx / sum, sy / sum);
    }
}
