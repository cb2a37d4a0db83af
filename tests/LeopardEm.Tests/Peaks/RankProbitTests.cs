using LeopardEm.Peaks;

namespace LeopardEm.Tests.Peaks;

public class RankProbitTests
{
    [Fact]
    public void Ranks_order_values_and_break_ties_by_index()
    {
        // NumPy: argsort(argsort([3, 1, 2, 1, 3], kind="stable")) = [3, 0, 2, 1, 4].
        Assert.Equal([3, 0, 2, 1, 4], RankProbit.Ranks([3f, 1f, 2f, 1f, 3f]));
    }

    [Fact]
    public void NaN_ranks_last_and_signed_zeros_tie()
    {
        Assert.Equal([3, 0, 1, 2], RankProbit.Ranks([float.NaN, -0f, 0f, float.PositiveInfinity]));
        Assert.Equal([1, 0, 2], RankProbit.Ranks([0f, -1f, -0f]));
    }

    /// <summary>Four values: u = 1/8, 3/8, 5/8, 7/8 and the probits are the standard normal quantiles there
    /// (Φ⁻¹(1/8) = −1.1503493803760079, Φ⁻¹(3/8) = −0.31863936396437514 from tables of the normal distribution).</summary>
    [Fact]
    public void Probits_are_normal_quantiles_of_the_mid_ranks()
    {
        var probits = RankProbit.Transform([10f, -5f, 7f, 0f]);
        Assert.Equal(1.1503493803760079, probits[0], 1e-12);
        Assert.Equal(-1.1503493803760079, probits[1], 1e-12);
        Assert.Equal(0.31863936396437514, probits[2], 1e-12);
        Assert.Equal(-0.31863936396437514, probits[3], 1e-12);
    }

    [Fact]
    public void Probits_depend_only_on_the_order_of_the_values()
    {
        var random = new Random(4);
        var values = Enumerable.Range(0, 500).Select(_ => (float)random.NextDouble()).ToArray();
        var warped = values.Select(v => MathF.Exp(8 * v) - 3).ToArray();
        Assert.Equal(RankProbit.Transform(values), RankProbit.Transform(warped));
    }
}
