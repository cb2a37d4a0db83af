using System.Runtime.CompilerServices;
using ILGPU;
using LeopardEm.Cuda.Devices;
using LeopardEm.Imaging;
using LeopardEm.Projection;

namespace LeopardEm.Cuda.Projection;

/// <summary>
/// From slices to the real-space templates the search correlates (spec §9.1–9.2), the device side of the CPU's
/// ProjectionTemplate: every map's slice times its projective filter; then,
/// after the N x N inverse FFT, each projection centred at (N/2, N/2), normalised as
/// <see cref="ProjectionNormalizer.Normalize"/> does, and written into the top-left corner of its zero-padded frame.
/// </summary>
internal static class TemplateKernels
{
    /// <summary>
    /// <c>filtered[j·L + i] = slices[sliceOf[j]·L + i] · filters[planeOf[j]·L + i]</c> for the <paramref name="maps"/>
    /// maps j of a batch, each slice and filter <paramref name="length"/> = L = N·(N/2+1) values. Grid-stride over i,
    /// each thread covering every map.
    /// </summary>
    public static void ApplyFilters(
        ArrayView<ComplexF> slices, ArrayView<float> filters, ArrayView<ComplexF> filtered, ArrayView<int> sliceOf,
        ArrayView<int> planeOf, int maps, int length)
    {
        var stride = Grid.DimX * Group.DimX;
        for (var i = Grid.GlobalIndex.X; i < length; i += stride)
        {
            for (var j = 0; j < maps; j++)
            {
                filtered[(long)j * length + i] = slices[(long)sliceOf[j] * length + i] * filters[(long)planeOf[j] * length + i];
            }
        }
    }

    /// <summary>
    /// One group per template (grid = number of templates): reads the unnormalised N x N inverse transform of
    /// template <c>t</c> at <c>projections[t·N² ..]</c>, scales it by 1/N², centres it, subtracts its edge mean and
    /// scales it to unit variance in the normalisation frame, and writes it to rows 0..N−1, columns 0..N−1 of frame
    /// <c>t</c> in <paramref name="padded"/>, whose other samples must be (and stay) zero. Sums are formed in double, as
    /// on the CPU; only their order differs (a tree over the group instead of a loop).
    /// </summary>
    public static void Normalize(TemplateGeometry geometry, ArrayView<float> projections, ArrayView<float> padded)
    {
        var shared = SharedMemory.Allocate<double>(LaunchShape.MaxGroupSize);
        var n = geometry.Size;
        var thread = Group.IdxX;
        var threads = Group.DimX;
        var source = (long)Grid.IdxX * n * n;
        var target = Grid.IdxX * geometry.FrameLength;
        var scale = geometry.InverseScale;

        // Each perimeter pixel once: rows 0 and N−1 pairwise by column, then columns 0 and N−1 pairwise by row.
        double edge = 0;
        for (var i = thread; i < 2 * n - 2; i += threads)
        {
            float a, b;
            if (i < n)
            {
                a = Centred(projections, source, n, 0, i, scale);
                b = Centred(projections, source, n, n - 1, i, scale);
            }
            else
            {
                var y = i - n + 1;
                a = Centred(projections, source, n, y, 0, scale);
                b = Centred(projections, source, n, y, n - 1, scale);
            }

            edge += a + b;
        }

        var edgeMean = GroupSum(shared, edge) / (2 * n + 2 * (n - 2));

        double sum = 0, squares = 0;
        for (var i = thread; i < n * n; i += threads)
        {
            var y = i / n;
            double v = Centred(projections, source, n, y, i - y * n, scale) - edgeMean;
            sum += v;
            squares += v * v;
        }

        sum = GroupSum(shared, sum);
        squares = GroupSum(shared, squares);
        var pixels = geometry.NormalizationPixels;
        var paddedMean = sum / pixels;
        var variance = squares - sum * paddedMean;
        var factor = (float)Math.Sqrt(pixels / Math.Max(variance, 1e-8));
        var shift = (float)edgeMean;
        for (var i = thread; i < n * n; i += threads)
        {
            var y = i / n;
            var x = i - y * n;
            padded[target + (long)y * geometry.FrameWidth + x] = (Centred(projections, source, n, y, x, scale) - shift) * factor;
        }
    }

    // Pixel (y, x) of the projection centred at (N/2, N/2): the inverse transform's (y + N/2, x + N/2), wrapped.
    private static float Centred(ArrayView<float> projections, long source, int n, int y, int x, float scale)
    {
        var half = n / 2;
        return projections[source + (y + half) % n * n + (x + half) % n] * scale;
    }

    // Sum of every thread's value over the group, returned to all threads (a fixed tree, so results are
    // deterministic); the buffer is free again on return.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double GroupSum(ArrayView<double> shared, double value)
    {
        var thread = Group.IdxX;
        shared[thread] = value;
        Group.Barrier();
        for (var width = Group.DimX / 2; width > 0; width /= 2)
        {
            if (thread < width)
            {
                shared[thread] += shared[thread + width];
            }

            Group.Barrier();
        }

        var total = shared[0];
        Group.Barrier();
        return total;
    }
}
