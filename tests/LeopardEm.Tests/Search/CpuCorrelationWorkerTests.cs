using LeopardEm.Search;
using LeopardEm.Tests.Fft;

namespace LeopardEm.Tests.Search;

public class CpuCorrelationWorkerTests
{
    [Theory]
    [MemberData(nameof(FftTestEngines.Available), MemberType = typeof(FftTestEngines))]
    public void The_hot_loop_allocates_nothing_after_warm_up(string engineName)
    {
        // 2 defocus planes with groups of up to 16: Process fills groups and Flush folds them in, both covered.
        var search = SearchCase.Awkward with { Orientations = 6, DefocusPlanes = 2, PixelSizePlanes = 1 };
        var engine = FftTestEngines.Get(engineName);
        using var inputs = search.Build(engine);
        using var image = new CpuImageColumns(inputs);
        using var worker = new CpuCorrelationWorker(inputs, image, engine, workers: 1);
        // Warm-up: plans, per-thread scratch.
        for (var o = 0; o < 5; o++)
        {
            worker.Process(o, 0, 1);
        }

        worker.Flush();
        // A hot loop that allocates does so on every pass; the runtime itself occasionally allocates on a busy machine
        // (seen once in a full parallel test run), so the least of three passes must be zero.
        var allocated = Enumerable.Range(0, 3).Select(_ =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            worker.Process(5, 0, 1);
            worker.Flush();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }).ToList();
        Assert.True(allocated.Min() == 0, $"allocated {string.Join(", ", allocated)} bytes per pass");
    }
}
