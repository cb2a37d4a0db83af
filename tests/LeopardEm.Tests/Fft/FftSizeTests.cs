using LeopardEm.Fft;

namespace LeopardEm.Tests.Fft;

public class FftSizeTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(22, 24)]
    [InlineData(47, 48)]
    [InlineData(62, 64)]
    [InlineData(4092, 4096)]
    [InlineData(5760, 5760)]
    [InlineData(3838, 3840)]
    [InlineData(1022, 1024)]
    [InlineData(1030, 1050)]
    public void Next_smooth_even_size_is_the_smallest_even_7_smooth_length_not_below(int length, int expected)
    {
        Assert.Equal(expected, FftSize.NextSmoothEven(length));
        for (var candidate = length; candidate < expected; candidate++)
        {
            var rest = candidate;
            foreach (var prime in new[] { 2, 3, 5, 7 })
            {
                while (rest % prime == 0)
                {
                    rest /= prime;
                }
            }

            Assert.False(candidate % 2 == 0 && rest == 1, $"{candidate} is even and 7-smooth");
        }
    }
}
