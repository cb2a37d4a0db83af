using ILGPU;

namespace LeopardEm.Cuda.Search;

/// <summary>
/// Folds a batch of correlation maps into the running per-pixel statistics (spec §10.4), with the rules of
/// <see cref="LeopardEm.Search.SearchStatistics"/>: the maximum and its global search index, ties to the lowest index
/// (so the result does not depend on the order maps arrive in), NaN never winning; the sum and the sum of squares in
/// double, added map by map in batch order.
/// </summary>
internal static class StatisticsKernel
{
    /// <summary>
    /// Map j &lt; <paramref name="maps"/> of the batch has global index <c>globalIndex[j]</c>; its row y starts at
    /// <c>j·MapLength + y·FrameWidth</c>. Grid-stride over the region's pixels, each folding every map.
    /// </summary>
    public static void Accumulate(
        StatisticsLayout layout, ArrayView<float> correlations, ArrayView<int> globalIndex, int maps,
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
            for (var j = 0; j < maps; j++)
            {
                var value = correlations[j * layout.MapLength + offset];
                var global = globalIndex[j];
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

            mip[pixel] = best;
            bestIndex[pixel] = index;
            sum[pixel] = total;
            sumOfSquares[pixel] = squares;
        }
    }
}
