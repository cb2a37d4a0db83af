using LeopardEm.Orientations;

namespace LeopardEm.Tests.Orientations;

public class SymmetricLocalOffsetsTests
{
    [Theory]
    [InlineData(2.5, 0.25, 21)]
    [InlineData(1.5, 0.1, 31)]
    [InlineData(1.5, 0.15, 21)]
    [InlineData(1.0, 0.3, 7)]
    [InlineData(0.0, 0.0, 1)]
    [InlineData(0.0, 0.5, 1)]
    public void Values_are_symmetric_multiples_of_the_step(double coarse, double fine, int count)
    {
        var values = SymmetricLocalOffsets.Values(coarse, fine);

        Assert.Equal(count, values.Length);
        Assert.Equal(count, SymmetricLocalOffsets.ValueCount(coarse, fine));
        Assert.Contains(0.0, values);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(-values[^(i + 1)], values[i], 12);
            Assert.Equal((i - count / 2) * fine, values[i], 12);
        }

        Assert.True(values[^1] <= coarse + 1e-9);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(-1.0, 0.1)]
    [InlineData(1.0, double.NaN)]
    public void Invalid_ranges_are_rejected(double coarse, double fine)
    {
        Assert.Throws<ArgumentException>(() => SymmetricLocalOffsets.Values(coarse, fine));
    }

    [Fact]
    public void Every_range_is_searched_with_psi_outermost()
    {
        var offsets = SymmetricLocalOffsets.Generate(2.5, 0.25, 2.5, 0.25, 1.5, 0.1);

        Assert.Equal(21 * 21 * 31, offsets.Length);
        Assert.Equal(new EulerAngles(-2.5, -2.5, -1.5), offsets[0]);
        Assert.Equal(new EulerAngles(-2.25, -2.5, -1.5), offsets[1]);
        Assert.Equal(-1.5, offsets[21 * 21 - 1].Psi);
        Assert.Equal(-1.4, offsets[21 * 21].Psi, 12);
        Assert.Contains(EulerAngles.Zero, offsets);
        Assert.Equal(offsets.Length, offsets.Distinct().Count());
    }

    [Fact]
    public void Theta_and_psi_offsets_change_theta_and_psi_exactly()
    {
        var original = new EulerAngles(40, 50, 60);

        AssertSame(new EulerAngles(40, 52.5, 60), SymmetricLocalOffsets.Compose(new(0, 2.5, 0), original));
        AssertSame(new EulerAngles(40, 50, 58.5), SymmetricLocalOffsets.Compose(new(0, 0, -1.5), original));
        AssertSame(original, SymmetricLocalOffsets.Compose(EulerAngles.Zero, original));
    }

    [Fact]
    public void On_the_equator_a_phi_offset_changes_phi_exactly()
    {
        AssertSame(new EulerAngles(42.5, 90, 60), SymmetricLocalOffsets.Compose(new(2.5, 0, 0), new EulerAngles(40, 90, 60)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(10.0)]
    [InlineData(50.0)]
    [InlineData(90.0)]
    [InlineData(175.0)]
    public void A_phi_offset_tilts_the_viewing_direction_by_its_size_towards_increasing_phi(double theta)
    {
        var original = new EulerAngles(30, theta, 70);
        var moved = SymmetricLocalOffsets.Compose(new(2, 0, 0), original);

        var before = original.ToMatrix().Apply(0, 0, 1);
        var after = moved.Apply(0, 0, 1);
        var tilt = Angles.RadToDeg(Math.Acos(Math.Clamp(before.X * after.X + before.Y * after.Y + before.Z * after.Z, -1, 1)));
        Assert.Equal(2.0, tilt, 9);
        // The direction of increasing phi at the start, Rz(phi)·ŷ.
        var (sin, cos) = Math.SinCos(Angles.DegToRad(30));
        Assert.True((after.X - before.X) * -sin + (after.Y - before.Y) * cos > 0);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(30.0)]
    [InlineData(90.0)]
    [InlineData(180.0)]
    public void Opposite_offsets_land_at_equal_distances_on_opposite_sides(double theta)
    {
        var original = new EulerAngles(20, theta, 300);
        var start = original.ToMatrix();
        foreach (var offset in new EulerAngles[] { new(1.5, 0, 0), new(0, 2, 0), new(0, 0, 1), new(1, -2, 0.5) })
        {
            var plus = SymmetricLocalOffsets.Compose(offset, original);
            var minus = SymmetricLocalOffsets.Compose(new(-offset.Phi, -offset.Theta, -offset.Psi), original);
            // Equal for offsets along one axis; for mixed offsets up to second-order terms (1 % here).
            Assert.Equal(start.AngleTo(plus), start.AngleTo(minus), 1e-2 * start.AngleTo(plus));
            // Nearly opposite: the two are about twice as far apart as each is from the start.
            Assert.Equal(2 * start.AngleTo(plus), plus.AngleTo(minus), 1e-2 * start.AngleTo(plus) + 1e-9);
        }
    }

    /// <summary>
    /// The set of offsets spans all three rotation directions at every orientation, poles included, whereas
    /// Leopard-EM's grid leaves one direction out entirely (spec §1.2: rotation vectors with x below 0.07 degrees).
    /// Measured by the smallest singular value of the offsets' rotation vectors (degrees, in the particle frame).
    /// </summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(45.0)]
    [InlineData(90.0)]
    public void The_grid_spans_three_dimensions_where_leopard_ems_spans_two(double theta)
    {
        var original = new EulerAngles(10, theta, 20);
        var symmetric = new LocalOffsetGrid(SymmetricLocalOffsets.Generate(2.5, 0.5, 2.5, 0.5, 1.5, 0.5), LocalGridConvention.Symmetric);
        var leopard = new LocalOffsetGrid(LocalOrientationOffsets.Generate(1.5, 0.5, 2.5, 0.5), LocalGridConvention.Leopard);

        Assert.True(SmallestSpread(symmetric, original) > 0.5);
        Assert.True(SmallestSpread(leopard, original) < 0.05);
    }

    [Fact]
    public void The_leopard_convention_composes_on_the_left()
    {
        var offset = new EulerAngles(-1.5, 1, 0.5);
        var original = new EulerAngles(40, 50, 60);
        var grid = new LocalOffsetGrid([offset], LocalGridConvention.Leopard);

        Assert.True(grid.Compose(0, original).MaxAbsDifference(offset.ToMatrix() * original.ToMatrix()) < 1e-12);
        Assert.True(LocalOffsetGrid.None.Compose(0, original).MaxAbsDifference(original.ToMatrix()) < 1e-12);
    }

    private static void AssertSame(EulerAngles expected, RotationMatrix actual) =>
        Assert.True(expected.ToMatrix().AngleTo(actual) < 1e-9, $"{actual.ToEuler()} is not {expected}");

    // RMS spread of the rotation vectors log(R0ᵀ·R) along their least-spread direction, degrees.
    private static double SmallestSpread(LocalOffsetGrid grid, EulerAngles original)
    {
        var start = original.ToMatrix().Transpose();
        var scatter = new double[3, 3];
        for (var k = 0; k < grid.Count; k++)
        {
            var relative = start * grid.Compose(k, original);
            var angle = Angles.DegToRad(relative.AngleTo(RotationMatrix.Identity));
            var scale = angle < 1e-12 ? 0.5 : angle / (2 * Math.Sin(angle));
            double[] v = [(relative.M21 - relative.M12) * scale, (relative.M02 - relative.M20) * scale, (relative.M10 - relative.M01) * scale];
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    scatter[i, j] += v[i] * v[j] / grid.Count;
                }
            }
        }

        return Angles.RadToDeg(Math.Sqrt(SmallestEigenvalue(scatter)));
    }

    // Smallest eigenvalue of a symmetric positive semi-definite 3 x 3 matrix (closed form).
    private static double SmallestEigenvalue(double[,] a)
    {
        var p1 = a[0, 1] * a[0, 1] + a[0, 2] * a[0, 2] + a[1, 2] * a[1, 2];
        var q = (a[0, 0] + a[1, 1] + a[2, 2]) / 3;
        var p2 = Math.Pow(a[0, 0] - q, 2) + Math.Pow(a[1, 1] - q, 2) + Math.Pow(a[2, 2] - q, 2) + 2 * p1;
        var p = Math.Sqrt(p2 / 6);
        if (p < 1e-300)
        {
            return q;
        }

        var b = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                b[i, j] = (a[i, j] - (i == j ? q : 0)) / p;
            }
        }

        var det = b[0, 0] * (b[1, 1] * b[2, 2] - b[1, 2] * b[2, 1]) - b[0, 1] * (b[1, 0] * b[2, 2] - b[1, 2] * b[2, 0])
                  + b[0, 2] * (b[1, 0] * b[2, 1] - b[1, 1] * b[2, 0]);
        var phi = Math.Acos(Math.Clamp(det / 2, -1, 1)) / 3;
        return q + 2 * p * Math.Cos(phi + 2 * Math.PI / 3);
    }
}
