using LeopardEm.Cli.Commands;
using LeopardEm.Cuda.Devices;

namespace LeopardEm.Tests.Cli;

/// <summary>What <c>leopard info</c> says about CUDA.</summary>
public sealed class InfoCommandTests
{
    [Fact]
    public void Without_a_device_info_says_why_and_that_auto_uses_the_cpu()
    {
        var lines = InfoCommand.DescribeCuda(new CudaInventory([], null, "cuFFT not found (libcufft.so.12)", null)).ToList();
        var (key, value) = Assert.Single(lines);
        Assert.Equal("cuda", key);
        Assert.Equal("unavailable: no CUDA device (no NVIDIA driver or GPU visible to this process). --backend auto uses the CPU.", value);
    }

    [Fact]
    public void Devices_are_listed_with_memory_compute_capability_and_versions()
    {
        var inventory = new CudaInventory(
            [new CudaDeviceInfo(0, "NVIDIA H200", 150_000_000_000, "9.0", 132, "13.0", "8.5"), new CudaDeviceInfo(1, "Tesla K10", 4L << 30, null, 8, "13.0", null)],
            "12.0.0", null, null);
        Assert.Equal(
            [
                ("cuda", "1 usable device(s); driver 13.0, cuFFT 12.0.0"),
                ("cuda:0", "NVIDIA H200, 139.7 GiB, compute capability 9.0, 132 SMs"),
                ("cuda:1", "Tesla K10, 4.0 GiB, compute capability unknown, 8 SMs (not supported by ILGPU)"),
            ],
            InfoCommand.DescribeCuda(inventory).ToList());
    }
}
