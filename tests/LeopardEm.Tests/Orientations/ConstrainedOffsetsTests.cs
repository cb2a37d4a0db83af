using LeopardEm.Orientations;

namespace LeopardEm.Tests.Orientations;

public class ConstrainedOffsetsTests
{
    private static readonly EulerAngles[] Raw = RollGrid.Generate(5, -10, 10, 4, -8, 8, (1, 2), 2);

    [Fact]
    public void About_the_z_axis_the_offsets_are_the_raw_ones()
    {
        var offsets = ConstrainedOffsets.AboutAxis(Raw, EulerAngles.Zero);
        Assert.Equal(Raw, offsets.Raw);
        for (var i = 0; i < Raw.Length; i++)
        {
            Assert.True(offsets.Rotated[i].ToMatrix().MaxAbsDifference(Raw[i].ToMatrix()) < 1e-12);
        }
    }

    [Fact]
    public void A_spin_turns_about_the_rotation_axis()
    {
        var axis = new EulerAngles(40, 70, 10);
        var spins = RollGrid.Generate(5, -10, 10, 1, 0, 0, (1, 2), 2);
        var offsets = ConstrainedOffsets.AboutAxis(spins, axis);
        var (ax, ay, az) = axis.ToMatrix().Apply(0, 0, 1);
        for (var i = 0; i < spins.Length; i++)
        {
            var rotated = offsets.Rotated[i].ToMatrix();
            var (x, y, z) = rotated.Apply(ax, ay, az);
            Assert.Equal(ax, x, 9);
            Assert.Equal(ay, y, 9);
            Assert.Equal(az, z, 9);
            Assert.Equal(Math.Abs(-10 + 5 * i), rotated.AngleTo(RotationMatrix.Identity), 4);
        }
    }

    [Fact]
    public void The_search_grid_applies_offsets_on_the_left_of_the_reference_orientation()
    {
        var offsets = ConstrainedOffsets.AboutAxis(Raw, new EulerAngles(40, 70, 0));
        var grid = offsets.ToSearchGrid();
        var reference = new EulerAngles(123, 45, 267);
        Assert.Equal(offsets.Count, grid.Count);
        for (var i = 0; i < grid.Count; i += 7)
        {
            var expected = offsets.Rotated[i].ToMatrix() * reference.ToMatrix();
            Assert.True(grid.Compose(i, reference).MaxAbsDifference(expected) < 1e-12);
        }
    }

    [Fact]
    public void Disabled_is_the_identity()
    {
        Assert.Equal([EulerAngles.Zero], ConstrainedOffsets.None.Raw);
        Assert.Equal(1, ConstrainedOffsets.None.ToSearchGrid().Count);
        Assert.Throws<ArgumentException>(() => ConstrainedOffsets.AboutAxis([], EulerAngles.Zero));
    }
}
