using LeopardEm.Compute;
using LeopardEm.Fft;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Tests.Compute;

/// <summary><c>--backend</c> and <c>computational_config.gpu_ids</c> meet in one place.</summary>
public class ComputeBackendTests
{
    [Fact]
    public void The_cpu_is_chosen_when_asked_for_or_when_gpu_ids_names_only_cpu()
    {
        var devices = new FakeDevices(2);
        Assert.IsType<CpuCorrelationBackend>(ComputeBackend.Select(BackendKind.Cpu, GpuIds.All, FftEngines.Managed, devices).Search);
        Assert.IsType<CpuCorrelationBackend>(ComputeBackend.Select(BackendKind.Auto, GpuIds.FromDevices("cpu", "cpu"), FftEngines.Managed, devices).Search);
        Assert.Empty(devices.Created);
    }

    [Fact]
    public void Auto_uses_the_devices_gpu_ids_names_and_falls_back_to_the_cpu_with_a_note()
    {
        var devices = new FakeDevices(4);
        ComputeBackend.Select(BackendKind.Auto, GpuIds.FromIndices(1, 3, 1), FftEngines.Managed, devices);
        Assert.Equal([1, 3], Assert.Single(devices.Created));
        ComputeBackend.Select(BackendKind.Auto, GpuIds.All, FftEngines.Managed, devices);
        Assert.Equal([0, 1, 2, 3], devices.Created[1]);

        var none = ComputeBackend.Select(BackendKind.Auto, GpuIds.Default, FftEngines.Managed, new FakeDevices(0));
        Assert.IsType<CpuCorrelationBackend>(none.Search);
        Assert.Contains("no CUDA device is present", none.Note);
        var noBuild = ComputeBackend.Select(BackendKind.Auto, GpuIds.Default, FftEngines.Managed, null);
        Assert.Contains("no GPU backend", noBuild.Note);
    }

    [Fact]
    public void Cuda_without_a_usable_device_is_an_error_that_says_why()
    {
        var missing = Assert.Throws<InvalidOperationException>(
            () => ComputeBackend.Select(BackendKind.Cuda, GpuIds.Default, FftEngines.Managed, new FakeDevices(0, "libcufft.so.12 was not found")));
        Assert.Contains("libcufft.so.12 was not found", missing.Message);
        var beyond = Assert.Throws<InvalidOperationException>(
            () => ComputeBackend.Select(BackendKind.Cuda, GpuIds.FromIndex(2), FftEngines.Managed, new FakeDevices(2)));
        Assert.Contains("names cuda:2, but only 2 CUDA device(s)", beyond.Message);
        var cpuOnly = Assert.Throws<InvalidOperationException>(
            () => ComputeBackend.Select(BackendKind.Cuda, GpuIds.Cpu, FftEngines.Managed, new FakeDevices(1)));
        Assert.Contains("names no CUDA device", cpuOnly.Message);
    }

    private sealed class FakeDevices(int count, string? unavailable = null) : IDeviceBackendFactory
    {
        public List<int[]> Created { get; } = [];

        public string DeviceKind => "CUDA";

        public int DeviceCount => count;

        public string? Unavailable => unavailable;

        public ComputeBackend Create(IReadOnlyList<int> deviceIndices, IFftEngine fft)
        {
            Created.Add([.. deviceIndices]);
            return ComputeBackend.Cpu(fft);
        }
    }
}
