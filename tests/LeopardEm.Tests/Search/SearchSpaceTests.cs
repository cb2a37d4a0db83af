using LeopardEm.Orientations;
using LeopardEm.Search;

namespace LeopardEm.Tests.Search;

public class SearchSpaceTests
{
    [Fact]
    public void Global_index_is_p_D_M_plus_d_M_plus_o_and_decodes_back()
    {
        const int m = 5, d = 3, p = 2;
        var space = new SearchSpace(SearchCase.RandomOrientations(m, 1), [-100f, 0f, 100f], [-0.02f, 0.02f]);
        Assert.Equal(m * d * p, space.Total);
        var seen = new HashSet<int>();
        for (var pi = 0; pi < p; pi++)
        {
            for (var di = 0; di < d; di++)
            {
                for (var oi = 0; oi < m; oi++)
                {
                    var g = space.GlobalIndex(pi, di, oi);
                    Assert.Equal(pi * d * m + di * m + oi, g);
                    Assert.Equal((pi, di, oi), space.Decode(g));
                    Assert.True(seen.Add(g));
                }
            }
        }

        Assert.Equal(Enumerable.Range(0, space.Total), seen.Order());
    }

    [Fact]
    public void Indices_outside_the_space_do_not_decode()
    {
        var space = new SearchSpace(SearchCase.RandomOrientations(4, 2), [0f, 50f], [0f]);
        Assert.Throws<ArgumentOutOfRangeException>(() => space.Decode(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => space.Decode(space.Total));
    }

    [Fact]
    public void Orientations_are_rounded_to_float32_as_upstream()
    {
        var angles = new EulerAngles(10.123456789, 20.987654321, 359.99999999);
        var space = new SearchSpace([angles], [0f], [0f]);
        Assert.Equal(angles.RoundToSingle(), space.Orientations[0]);
        Assert.Equal((double)(float)angles.Theta, space.Orientations[0].Theta);
    }

    [Fact]
    public void An_empty_axis_is_rejected()
    {
        var one = new[] { EulerAngles.Zero };
        Assert.Throws<ArgumentException>(() => new SearchSpace([], [0f], [0f]));
        Assert.Throws<ArgumentException>(() => new SearchSpace(one, [], [0f]));
        Assert.Throws<ArgumentException>(() => new SearchSpace(one, [0f], []));
    }

    /// <summary>The fingerprint is the same for equal spaces built separately and changes with any orientation, plane
    /// or the slice convention.</summary>
    [Fact]
    public void The_fingerprint_identifies_the_space()
    {
        SearchSpace Space(float defocus = 100f, double phi = 0, LeopardEm.Projection.SliceConvention convention = default)
        {
            var angles = SearchCase.RandomOrientations(6, 3);
            angles[2] = angles[2] with { Phi = angles[2].Phi + phi };
            return new SearchSpace(angles, [-100f, 0f, defocus], [0f], convention);
        }

        var reference = Space().Fingerprint();
        Assert.Matches("^[0-9a-f]{64}$", reference);
        Assert.Equal(reference, Space().Fingerprint());
        Assert.NotEqual(reference, Space(defocus: 100.5f).Fingerprint());
        Assert.NotEqual(reference, Space(phi: 0.01).Fingerprint());
        Assert.NotEqual(reference, Space(convention: LeopardEm.Projection.SliceConvention.Leopard).Fingerprint());
        Assert.NotEqual(reference, Space().FirstOrientations(5).Fingerprint());
    }
}
