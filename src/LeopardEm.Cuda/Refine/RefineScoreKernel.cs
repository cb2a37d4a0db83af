using ILGPU;

namespace LeopardEm.Cuda.Refine;

/// <summary>
/// The z-scores of a local refinement, <c>(CC − mean)/std</c> at every crop position with the full search's mean and
/// standard deviation there (spec §3.3), reduced to the best of each (map, crop row). Positions whose standard
/// deviation is not positive are skipped and NaN never wins, as in the CPU's CpuRefineWorker; a row is scanned in
/// increasing column order with a strict <c>&gt;</c>, so among equal z-scores the lowest column is kept, and the host
/// combines rows in increasing (map, row) order the same way.
/// </summary>
internal static class RefineScoreKernel
{
    /// <summary>
    /// For each map m &lt; <paramref name="maps"/> and crop row y: the best z-score of the row at
    /// <c>bestZ[m·CropHeight + y]</c> (−∞ when none), its CC and its column (−1 when none). Grid-stride over
    /// (map, row).
    /// </summary>
    public static void BestPerRow(
        RefineLayout layout, ArrayView<float> correlations, int maps, ArrayView<float> mean, ArrayView<float> standardDeviation,
        ArrayView<float> bestZ, ArrayView<float> bestCc, ArrayView<int> bestX)
    {
        var total = maps * layout.CropHeight;
        var stride = Grid.DimX * Group.DimX;
        for (var i = Grid.GlobalIndex.X; i < total; i += stride)
        {
            var map = i / layout.CropHeight;
            var y = i - map * layout.CropHeight;
            var row = map * layout.MapLength + (long)y * layout.FrameWidth;
            var statistics = y * layout.CropWidth;
            var z = float.NegativeInfinity;
            var cc = float.NaN;
            var column = -1;
            for (var x = 0; x < layout.CropWidth; x++)
            {
                var std = standardDeviation[statistics + x];
                if (!(std > 0))
                {
                    continue;
                }

                var value = correlations[row + x];
                var score = (value - mean[statistics + x]) / std;
                if (score > z)
                {
                    z = score;
                    cc = value;
                    column = x;
                }
            }

            bestZ[i] = z;
            bestCc[i] = cc;
            bestX[i] = column;
        }
    }
}
