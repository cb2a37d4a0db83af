using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Diagnostics;
using LeopardEm.Cuda.Search;
using LeopardEm.Fft;
using LeopardEm.Tests.Search;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Cuda;

/// <summary>
/// The device path on a real CUDA device (skipped without one): every conformance check against the CPU code, and
/// batch-size independence with cuFFT. The GPU check program (scripts/gpu-check.sh) runs the same checks on machines
/// without the .NET SDK.
/// </summary>
public sealed class CudaDeviceTests(ITestOutputHelper log)
{
    [CudaFact]
    public void Device_matches_the_cpu_code()
    {
        using var session = DeviceSession.CreateCuda();
        log.WriteLine(session.Description);
        var checks = DeviceConformance.RunAll(session.Accelerator, FftEngines.Default);
        foreach (var check in checks)
        {
            log.WriteLine(check.ToString());
        }

        Assert.All(checks, check => Assert.True(check.Passed, check.ToString()));
    }

    [CudaFact]
    public void Maps_do_not_depend_on_the_batch_size_with_cufft()
    {
        using var session = DeviceSession.CreateCuda();
        var search = new SmallSearch(orientations: 7, defocusPlanes: 2, pixelSizePlanes: 1);
        DeviceSearchResult Run(int correlationsPerBatch)
        {
            using var inputs = search.Inputs(validOnly: true);
            using var pipeline = new DeviceSearchPipeline(
                session.Accelerator, inputs, new DevicePipelineOptions { MaxCorrelationsPerBatch = correlationsPerBatch }, FftEngines.Default);
            Assert.StartsWith("cuFFT", pipeline.FftName);
            return pipeline.Run(0, search.Space.OrientationCount);
        }

        var reference = Run(64);
        var other = Run(6);
        // cuFFT may pick different kernels for different batch counts; values agree to rounding, indices where clear.
        for (var i = 0; i < reference.Mip.Length; i++)
        {
            Assert.Equal(reference.Mip[i], other.Mip[i], 1e-5 * Math.Max(1, Math.Abs(reference.Mip[i])));
        }
    }
}
