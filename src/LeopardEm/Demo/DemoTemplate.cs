using LeopardEm.Imaging;

namespace LeopardEm.Demo;

/// <summary>
/// The built-in demo molecule: a cluster of Gaussian blobs of different sizes (sigma 0.8–1.2 voxels) and heights
/// (0.5–1.5) at random positions in a ball of radius 0.3·N about the box centre, 0.005 blobs per voxel of the ball
/// (148 blobs for N = 64). Random positions make the cluster asymmetric and chiral: no rotation maps it onto itself
/// or onto its mirror image. Filling a ball keeps the coarse outline alike from every direction, so orientations are
/// told apart by the arrangement of the blobs, and the blob size sets how fast a projection decorrelates as it turns:
/// for N = 64 at 1.5 Å/px with the demo's CTF, about 0.9 after 4° and 0.6 after 8°, which a 12° grid still resolves.
/// </summary>
public static class DemoTemplate
{
    private const double RadiusFraction = 0.3;
    private const double BlobsPerVoxel = 0.005;
    private const double SmallestSigma = 0.8;
    private const double LargestSigma = 1.2;
    private const int Seed = 1729;

    /// <summary>The blobs for a box of edge <paramref name="size"/> voxels (offsets from the box centre, voxels).
    /// The same size always gives the same blobs.</summary>
    public static IReadOnlyList<GaussianBlob> Blobs(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16);
        var random = new Random(Seed);
        var radius = RadiusFraction * size;
        var count = (int)Math.Round(BlobsPerVoxel * 4 / 3.0 * Math.PI * radius * radius * radius);
        var blobs = new GaussianBlob[count];
        for (var i = 0; i < count; i++)
        {
            var (x, y, z) = PointInBall(random);
            var sigma = SmallestSigma + (LargestSigma - SmallestSigma) * random.NextDouble();
            blobs[i] = new GaussianBlob(radius * x, radius * y, radius * z, sigma, 0.5 + random.NextDouble());
        }

        return blobs;
    }

    /// <summary>The demo template: <see cref="Blobs"/> rendered on a <paramref name="size"/>³ grid (even edge, at
    /// least 16 voxels).</summary>
    public static Volume3D Create(int size)
    {
        if (size % 2 != 0)
        {
            throw new ArgumentException($"The template edge must be even; got {size}.", nameof(size));
        }

        return BlobVolume.Render(size, Blobs(size));
    }

    // Rejection sampling: uniform in the unit ball.
    private static (double X, double Y, double Z) PointInBall(Random random)
    {
        while (true)
        {
            double x = 2 * random.NextDouble() - 1, y = 2 * random.NextDouble() - 1, z = 2 * random.NextDouble() - 1;
            if (x * x + y * y + z * z <= 1)
            {
                return (x, y, z);
            }
        }
    }
}
