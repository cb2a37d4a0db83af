using LeopardEm.Orientations;

namespace LeopardEm.Tests.Orientations;

public class RollGridTests
{
    [Fact]
    public void Rows_are_roll_then_tilt_then_spin_with_inclusive_ranges()
    {
        var offsets = RollGrid.Generate(psiStep: 1, psiMin: -1, psiMax: 1, thetaStep: 1, thetaMin: 0, thetaMax: 2, rollAxis: (0, 1), rollStep: 2);

        // roll = atan2(1, 0) = 90: phi = (90 + psi) mod 360, psi = 360 − 90.
        Assert.Equal(
            [new(89, 0, 270), new(90, 0, 270), new(91, 0, 270), new(89, 1, 270), new(90, 1, 270), new(91, 1, 270),
             new(89, 2, 270), new(90, 2, 270), new EulerAngles(91, 2, 270)],
            offsets);
        Assert.Equal(9, RollGrid.Count(1, -1, 1, 1, 0, 2, (0, 1), 2));
    }

    [Theory]
    [InlineData(0.0, 1.0, -1.0, 0.0)] // the default [0, 1] tilts about −x (upstream's behaviour)
    [InlineData(1.0, 1.0, -0.70710678118654757, 0.70710678118654757)]
    [InlineData(1.0, -1.0, -0.70710678118654757, -0.70710678118654757)] // atan2 < 0 moves into [0, 180): 135°
    public void A_tilt_turns_about_the_axis_perpendicular_to_roll_axis(double x, double y, double axisX, double axisY)
    {
        var tilt = Assert.Single(RollGrid.Generate(1, 0, 0, 1, 12, 12, (x, y), 2)).ToMatrix();

        // Rotation about a unit axis u by 12°: u is fixed, and the angle is 12°.
        var (ux, uy, uz) = tilt.Apply(axisX, axisY, 0);
        Assert.Equal(axisX, ux, 5);
        Assert.Equal(axisY, uy, 5);
        Assert.Equal(0, uz, 5);
        Assert.Equal(12, tilt.AngleTo(RotationMatrix.Identity), 4);
    }

    [Fact]
    public void Without_a_tilt_the_offset_is_a_spin_about_z()
    {
        var spin = Assert.Single(RollGrid.Generate(1, 7, 7, 1, 0, 0, (1, 0), 2)).ToMatrix();
        Assert.True(spin.MaxAbsDifference(RotationMatrix.RotationZ(7)) < 1e-6);
    }

    [Fact]
    public void Searching_every_roll_axis_gives_upstreams_example_count()
    {
        // Leopard-EM's example: theta −8..2, psi −13..2 in 1 degree steps, every roll axis in 2 degree steps.
        Assert.Equal(90 * 11 * 16, RollGrid.Generate(1, -13, 2, 1, -8, 2, null, 2).Length);
        Assert.Equal(90 * 11 * 16, RollGrid.Count(1, -13, 2, 1, -8, 2, null, 2));
    }

    [Fact]
    public void Empty_ranges_and_bad_axes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => RollGrid.Generate(1, 2, 1, 1, 0, 1, null, 2));
        Assert.Throws<ArgumentException>(() => RollGrid.Generate(1, 0, 1, 1, 0, 1, (0, 0), 2));
        Assert.ThrowsAny<ArgumentException>(() => RollGrid.Generate(0, 0, 1, 1, 0, 1, null, 2));
    }
}
