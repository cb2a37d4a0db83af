using LeopardEm.Cuda.Search;

namespace LeopardEm.Tests.Cuda;

/// <summary>How device batches are sized from memory, and shrunk when an allocation runs out of memory.</summary>
public sealed class BatchSizingTests
{
    private static readonly DevicePipelineOptions Options = new() { MemoryFraction = 0.5, ReservedBytes = 100 };

    [Theory]
    // usable = 10000·0.5 − 100 − 900 = 4000 bytes: 4000/1000 = 4 maps fit.
    [InlineData(10_000, 900, 1000, 100, 4)]
    // The cap, however much memory there is.
    [InlineData(1_000_000, 0, 10, 8, 8)]
    // Never fewer than one, even when the estimate says nothing fits (the allocation decides).
    [InlineData(1_000, 5_000, 1000, 100, 1)]
    public void Maps_fit_memory_and_cap(long available, long fixedBytes, long perMap, int cap, int expected) =>
        Assert.Equal(expected, BatchSizing.Maps(available, fixedBytes, perMap, cap, Options));

    [Fact]
    public void Out_of_memory_halves_the_batch_until_it_fits()
    {
        var tried = new List<int>();
        var result = BatchSizing.AllocateWithRetry(20, batch =>
        {
            tried.Add(batch);
            return batch > 6 ? throw new OutOfMemoryException() : batch;
        });

        Assert.Equal(5, result);
        Assert.Equal([20, 10, 5], tried);
    }

    [Fact]
    public void Out_of_memory_with_one_map_and_other_failures_propagate()
    {
        var tried = new List<int>();
        Assert.Throws<OutOfMemoryException>(() => BatchSizing.AllocateWithRetry<int>(3, batch =>
        {
            tried.Add(batch);
            throw new OutOfMemoryException();
        }));
        Assert.Equal([3, 1], tried);
        Assert.Throws<InvalidOperationException>(() => BatchSizing.AllocateWithRetry<int>(8, _ => throw new InvalidOperationException()));
    }
}
