using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Fft;

namespace LeopardEm.Tests.Cuda;

/// <summary>Probing for CUDA never throws, and a missing cuFFT is reported by name.</summary>
public sealed class CudaInventoryTests
{
    [Fact]
    public void Probe_lists_devices_or_says_why_there_are_none()
    {
        var inventory = CudaInventory.Probe();

        Assert.All(inventory.Devices, d => Assert.True(d.MemoryBytes > 0 && d.Name.Length > 0 && d.Multiprocessors > 0));
        // Exactly one of version and error.
        Assert.True((inventory.CuFftVersion is null) != (inventory.CuFftError is null));
    }

    [Fact]
    public void Loading_cufft_either_works_or_names_the_library()
    {
        try
        {
            var cufft = CuFftLibrary.Load();
            Assert.Equal(0, (int)cufft.API.GetVersion(out var version));
            Assert.Matches(@"^\d+\.\d\.\d+$", CuFftLibrary.FormatVersion(version));
        }
        catch (InvalidOperationException ex)
        {
            Assert.StartsWith("cuFFT not found (libcufft.so.12)", ex.Message);
            Assert.IsType<DllNotFoundException>(ex.InnerException);
        }
    }

    [Theory]
    [InlineData(11203, "11.2.3")]
    [InlineData(12000, "12.0.0")]
    [InlineData(10900, "10.9.0")]
    public void Versions_read_as_major_minor_patch(int version, string expected) =>
        Assert.Equal(expected, CuFftLibrary.FormatVersion(version));
}
