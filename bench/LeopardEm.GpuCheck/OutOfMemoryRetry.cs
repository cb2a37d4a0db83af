using LeopardEm.Bench;
using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Diagnostics;
using LeopardEm.Cuda.Search;
using LeopardEm.Fft;
using LeopardEm.Search;

namespace LeopardEm.GpuCheck;

/// <summary>
/// The pipeline's out-of-memory recovery on a real device: told it has 8 times the device's memory and allowed 4096
/// correlations per batch, it must hit a real allocation failure, halve its batch until the buffers fit, and still
/// run. Only for CUDA: the CPU accelerator's allocations succeed lazily and would exhaust host memory instead.
/// </summary>
internal static class OutOfMemoryRetry
{
    public static ConformanceCheck Check(DeviceSession session, Action<string> log)
    {
        var engine = FftEngines.Default;
        var template = SyntheticSearch.Template(64, engine);
        using var inputs = SyntheticSearch.Inputs(new FrameSize(2048, 2048), template, 4096, 1, engine);
        var options = new DevicePipelineOptions { MaxCorrelationsPerBatch = 4096, MemoryBudgetBytes = 8 * session.Accelerator.MemorySize };
        using var pipeline = new DeviceSearchPipeline(session.Accelerator, inputs, options, engine);
        var batch = pipeline.MapsPerBatch;
        var result = pipeline.Run(new SearchRange(0, batch));
        log($"out-of-memory retry: settled on {batch} maps per batch");
        var ran = result.Count == batch && result.Mip.All(float.IsFinite);
        return new ConformanceCheck(
            "pipeline.out-of-memory-retry", batch < 4096 && ran ? 0 : 1, 0,
            $"1 unless an oversized first batch was halved to fit ({batch} maps of 2048²) and ran");
    }
}
