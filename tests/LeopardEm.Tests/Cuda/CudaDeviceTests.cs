using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Diagnostics;
using LeopardEm.Fft;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Cuda;

/// <summary>
/// The device path on a real CUDA device (skipped without one): every conformance check against the CPU code,
/// including the search's bit-identical MIP and best index across batch sizes and shards with cuFFT. The contract
/// suites run there too (<see cref="CudaCorrelationBackendTests"/>); the GPU check program (scripts/gpu-check.sh) runs
/// the same checks on machines without the .NET SDK.
/// </summary>
public sealed class CudaDeviceTests(ITestOutputHelper log)
{
    [CudaFact]
    public void Device_matches_the_cpu_code()
    {
        using var session = DeviceSession.CreateCuda();
        log.WriteLine(session.Description);
        var checks = DeviceConformance.RunAll(session, FftEngines.Default);
        foreach (var check in checks)
        {
            log.WriteLine(check.ToString());
        }

        Assert.All(checks, check => Assert.True(check.Passed, check.ToString()));
    }
}
