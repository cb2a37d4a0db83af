using LeopardEm.Search;
using LeopardEm.Tests.Fft;

namespace LeopardEm.Tests.Search;

public class CpuCorrelationWorkerTests
{
    [Theory]
    [MemberData(nameof(FftTestEngines.Available), MemberType = typeof(FftTestEngines))]
    public void The_hot_loop_allocates_nothing_after_warm_up(string engineName)
    {
        // 2 defocus planes with groups of up to 8: Process fills groups and Flush folds them in, both covered.
        var search = new SmallSearch(orientations: 6, defocusPlanes: 2, pixelSizePlanes: 1);
        var engine = FftTestEngines.Get(engineName);
        using var inputs = search.Inputs(validOnly: true);
        using var frame = new CorrelationFrame(inputs, engine);
        using var worker = new CpuCorrelationWorker(inputs, frame, engine, workers: 1);
        // Warm-up: plans, per-thread scratch.
        for (var o = 0; o < 5; o++)
        {
            worker.Process(o);
        }

        worker.Flush();
        var before = GC.GetAllocatedBytesForCurrentThread();
        worker.Process(5);
        worker.Flush();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
