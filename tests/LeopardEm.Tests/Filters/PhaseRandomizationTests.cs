using LeopardEm.Filters;
using LeopardEm.Imaging;

namespace LeopardEm.Tests.Filters;

public class PhaseRandomizationTests
{
    [Fact]
    public void Keeps_amplitudes_and_changes_phases_only_above_the_cuton()
    {
        const int n = 128;
        var original = WhiteningFilterTests.ColouredNoise(n, 11, k => 1);
        var randomized = (ComplexF[])original.Clone();
        PhaseRandomization.Apply(randomized, n, n, cuton: 0.25, seed: 5);
        var magnitudes = FrequencyGrid.RfftMagnitudes(n, n);
        var changedAbove = 0;
        var above = 0;
        var cosineSum = 0.0;
        for (var i = 0; i < original.Length; i++)
        {
            Assert.Equal(original[i].Magnitude, randomized[i].Magnitude, 1e-4 * Math.Max(1, original[i].Magnitude));
            if (magnitudes[i] <= 0.25f)
            {
                Assert.Equal(original[i], randomized[i]);
            }
            else
            {
                above++;
                var dot = (original[i].Re * randomized[i].Re + original[i].Im * randomized[i].Im)
                    / (original[i].MagnitudeSquared + 1e-30);
                cosineSum += dot;
                if (Math.Abs(dot - 1) > 1e-3)
                {
                    changedAbove++;
                }
            }
        }

        // Uniform random phases: almost all differ from the original (a new phase lands within 0.045 rad of the old one
        // with probability ~1.4 %), and the cosine of the phase change averages to ~0 (σ ≈ 0.7/√6700 ≈ 0.009).
        Assert.True(changedAbove > 0.97 * above, $"only {changedAbove} of {above} phases changed");
        Assert.InRange(cosineSum / above, -0.04, 0.04);
    }

    [Fact]
    public void Same_seed_gives_same_result_and_self_conjugate_columns_stay_hermitian()
    {
        const int n = 64;
        var a = WhiteningFilterTests.ColouredNoise(n, 2, k => 1);
        // Make the input Hermitian in column 0 first, as a real image's spectrum is.
        var half = n / 2 + 1;
        for (var r = n / 2 + 1; r < n; r++)
        {
            a[r * half] = a[(n - r) * half].Conjugate();
        }

        var b = (ComplexF[])a.Clone();
        PhaseRandomization.Apply(a, n, n, 0.1, seed: 9);
        PhaseRandomization.Apply(b, n, n, 0.1, seed: 9);
        Assert.Equal(a, b);
        for (var r = 1; r < n; r++)
        {
            Assert.Equal(a[(n - r) * half].Conjugate(), a[r * half]);
        }
    }
}
