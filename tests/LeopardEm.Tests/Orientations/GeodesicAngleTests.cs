using LeopardEm.Orientations;

namespace LeopardEm.Tests.Orientations;

public class GeodesicAngleTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(3.0)]
    [InlineData(47.5)]
    [InlineData(120.0)]
    [InlineData(180.0)]
    public void A_rotation_about_any_axis_is_as_far_as_its_angle(double degrees)
    {
        var start = new EulerAngles(31, 67, -112).ToMatrix();
        foreach (var turn in new[] { RotationMatrix.RotationZ(degrees), RotationMatrix.RotationY(degrees), RotationMatrix.RotationY(40) * RotationMatrix.RotationZ(degrees) * RotationMatrix.RotationY(-40) })
        {
            Assert.Equal(degrees, start.AngleTo(start * turn), 1e-6);
            Assert.Equal(degrees, (start * turn).AngleTo(start), 1e-6);
        }
    }

    [Fact]
    public void Equivalent_euler_angles_are_zero_apart()
    {
        // (phi, theta, psi) and (phi + 180, −theta, psi + 180) are the same rotation.
        var a = new EulerAngles(20, 50, 70).ToMatrix();
        var b = new EulerAngles(200, -50, 250).ToMatrix();
        Assert.Equal(0, a.AngleTo(b), 1e-5);
    }
}
