using LeopardEm.Cuda.Diagnostics;
using LeopardEm.Fft;
using LeopardEm.Projection;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Cuda;

/// <summary>
/// The device path on ILGPU's CPU accelerator against the CPU code (<see cref="DeviceConformance"/>): kernel stages,
/// the device search backend against the CPU backend (and against itself across batch sizes and shards), the device
/// refine backend against the CPU refinement. Each check states
/// its measure and tolerance (relative 1e-5 for values, exact for best indices at clear maxima and for the statistics
/// kernel's max/index).
/// </summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class DeviceConformanceTests(CpuAccelerator cpu, ITestOutputHelper log)
{
    [Theory]
    [InlineData(SliceConvention.Exact)]
    [InlineData(SliceConvention.Leopard)]
    public void Slices_match_the_cpu_slicer(SliceConvention convention) =>
        AssertPassed(DeviceConformance.Slices(cpu.Session.Accelerator, FftEngines.Default, convention));

    [Fact]
    public void Normalised_templates_match_the_cpu_pieces() =>
        AssertPassed(DeviceConformance.Templates(cpu.Session.Accelerator, FftEngines.Default));

    [Fact]
    public void Statistics_kernel_matches_search_statistics_with_ties_and_nan() =>
        AssertPassed(DeviceConformance.Statistics(cpu.Session.Accelerator));

    [Fact]
    public void Search_backend_matches_the_cpu_backend() =>
        AssertPassed(DeviceConformance.Search(cpu.Session, FftEngines.Default));

    [Fact]
    public void Refine_backend_matches_the_cpu_refinement() =>
        AssertPassed(DeviceConformance.Refine(cpu.Session, FftEngines.Default));

    private void AssertPassed(IReadOnlyList<ConformanceCheck> checks)
    {
        foreach (var check in checks)
        {
            log.WriteLine(check.ToString());
        }

        Assert.All(checks, check => Assert.True(check.Passed, check.ToString()));
    }
}
