using LeopardEm.Numerics;

namespace LeopardEm.Tests.Numerics;

public class ArangeTests
{
    [Theory]
    [InlineData(-0.05, 0.05, 0.01, 12)]
    [InlineData(-0.005, 0.005, 0.001, 11)]
    [InlineData(-100, 100, 20, 11)]
    [InlineData(-1000, 1000, 100, 21)]
    [InlineData(-0.008, 0.008, 0.001, 17)]
    public void InclusiveEndLengths_MatchVerifiedNumPyCounts(double min, double max, double step, int expected)
    {
        // The other-programs spec verified these with arange(min, max + step, step).
        Assert.Equal(expected, Arange.NumPy(min, max + step, step).Length);
    }

    [Fact]
    public void NumPy_UsesSecondElementDifferenceAsDelta()
    {
        double start = 0.1, step = 0.7;
        double[] values = Arange.NumPy(start, 10, step);
        double delta = (start + step) - start;
        Assert.Equal(start, values[0]);
        Assert.Equal(start + step, values[1]);
        for (int i = 2; i < values.Length; i++)
        {
            Assert.Equal(start + i * delta, values[i]);
        }

        Assert.Empty(Arange.NumPy(5, 1, 1));
        Assert.Throws<ArgumentException>(() => Arange.NumPy(0, 1, 0));
    }

    [Fact]
    public void Torch_UsesStartPlusIStep()
    {
        double[] values = Arange.Torch(-1.5, 1.5 + 1e-6, 0.1);
        Assert.Equal(31, values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(-1.5 + i * 0.1, values[i]);
        }

        Assert.Empty(Arange.Torch(2, 2, 1));
        Assert.Throws<ArgumentException>(() => Arange.Torch(3, 2, 1));
    }
}
