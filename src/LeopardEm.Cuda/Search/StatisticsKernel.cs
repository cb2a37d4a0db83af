using ILGPU;

namespace LeopardEm.Cuda.Search;

/// <summary>
/// Folds a batch of correlation maps into the running per-pixel statistics (spec §10.4), with the rules of
/// <see cref="LeopardEm.Search.SearchStatistics"/>: the maximum and its global search index, ties to the lowest index
/// (so the result does not depend on batch order), NaN never winning; the sum and the sum of squares in double.
/// </summary>
internal static class StatisticsKernel
{
    /// <summary>
    /// Map <c>o·P + p</c> of the batch (orientation <paramref name="firstOrientation"/> + o, plane p = pixel-size plane
    /// · D + defocus plane) has global index <c>p·M + firstOrientation + o</c>; its row y starts at
    /// <c>(o·P + p)·MapLength + y·FrameWidth</c>. Grid-stride over the region's pixels, each folding all
    /// <paramref name="orientations"/>·P maps.
    /// </summary>
    public static void Accumulate(
        StatisticsLayout layout, ArrayView<float> correlations, int orientations, int firstOrientation,
        ArrayView<float> mip, ArrayView<int> bestIndex, ArrayView<double> sum, ArrayView<double> sumOfSquares)
    {
        var stride = Grid.DimX * Group.DimX;
        for (var pixel = Grid.GlobalIndex.X; pixel < layout.Pixels; pixel += stride)
        {
            var y = pixel / layout.RegionWidth;
            var offset = (long)y * layout.FrameWidth + pixel - y * layout.RegionWidth;
            var best = mip[pixel];
            var index = bestIndex[pixel];
            var total = sum[pixel];
            var squares = sumOfSquares[pixel];
            for (var o = 0; o < orientations; o++)
            {
                for (var p = 0; p < layout.Planes; p++)
                {
                    var value = correlations[(o * layout.Planes + p) * layout.MapLength + offset];
                    var global = p * layout.OrientationCount + firstOrientation + o;
                    // Ties to the lower index; index < 0 marks a pixel never written. NaN compares false.
                    if (value > best || (value == best && (index < 0 || global < index)))
                    {
                        best = value;
                        index = global;
                    }

                    double v = value;
                    total += v;
                    squares += v * v;
                }
            }

            mip[pixel] = best;
            bestIndex[pixel] = index;
            sum[pixel] = total;
            sumOfSquares[pixel] = squares;
        }
    }
}
