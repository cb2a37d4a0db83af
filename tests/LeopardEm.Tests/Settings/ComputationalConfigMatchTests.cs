using LeopardEm.Settings;

namespace LeopardEm.Tests.Settings;

/// <summary>Upstream tests/pydantic_models/test_computational_config.py and the gpu_ids forms.</summary>
public class ComputationalConfigMatchTests
{
    [Fact]
    public void DefaultsMatchLeopardEm()
    {
        var c = new ComputationalConfigMatch();
        Assert.Equal(GpuIds.FromIndices(0), c.GpuIds);
        Assert.Equal(1, c.NumCpus);
        Assert.Equal(CorrelationScheduling.Streamed, c.Backend);
        Assert.Empty(c.Validate());
    }

    [Fact]
    public void NegativeIndexIsRejected()
    {
        var problem = Assert.Single(new ComputationalConfigMatch { GpuIds = GpuIds.FromIndices(-1) }.Validate());
        Assert.Equal("computational_config.gpu_ids[0]", problem.KeyPath);
    }

    [Fact]
    public void EmptyListIsRejected()
    {
        var problem = Assert.Single(new ComputationalConfigMatch { GpuIds = GpuIds.FromIndices() }.Validate());
        Assert.Contains("at least one", problem.Message);
    }

    [Fact]
    public void NumCpusMustBePositive() =>
        Assert.Single(new ComputationalConfigMatch { NumCpus = 0 }.Validate());

    [Fact]
    public void FormsResolveToDeviceNames()
    {
        Assert.Equal(["cuda:0"], GpuIds.FromIndex(0).ResolveDeviceNames(4));
        Assert.Equal(["cuda:0", "cuda:2"], GpuIds.FromIndices(0, 2).ResolveDeviceNames(4));
        Assert.Equal(["cuda:0", "cuda:1", "cuda:2"], GpuIds.All.ResolveDeviceNames(3));
        Assert.Equal(["cpu"], GpuIds.Cpu.ResolveDeviceNames(0));
        Assert.Equal(["cpu", "cpu"], GpuIds.FromDevices("cpu", "cpu").ResolveDeviceNames(0));
        Assert.Equal(["cuda:1", "cuda:0"], GpuIds.FromDevices("cuda:1", "cuda").ResolveDeviceNames(2));
        Assert.Throws<InvalidOperationException>(() => GpuIds.All.ResolveDeviceNames(0));
    }

    [Fact]
    public void ScalarAndListFormsDiffer()
    {
        Assert.NotEqual(GpuIds.FromIndex(0), GpuIds.FromIndices(0));
        Assert.Equal(GpuIds.FromDevices("cpu", "cpu"), GpuIds.FromDevices("cpu", "cpu"));
        Assert.True(GpuIds.All.IsAll);
        Assert.False(GpuIds.FromDevices("all").IsAll);
    }

    [Theory]
    [InlineData("gpu0")]
    [InlineData("cuda:x")]
    [InlineData("")]
    public void UnknownDeviceStringsAreRejected(string device) =>
        Assert.Single(GpuIds.FromDevice(device).Validate());

    [Fact]
    public void AllInsideAListIsRejected() =>
        Assert.Single(GpuIds.FromDevices("all").Validate());
}
