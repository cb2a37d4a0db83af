using LeopardEm.Orientations;

namespace LeopardEm.Tests.Orientations;

public class RotationTests
{
    private const double Tol = 1e-9;

    [Fact]
    public void EulerToMatrix_SpecVector_30_45_60()
    {
        RotationMatrix m = new EulerAngles(30, 45, 60).ToMatrix();
        var expected = new RotationMatrix(
            -0.126826484, -0.780330086, 0.612372436,
            0.926776695, 0.126826484, 0.353553391,
            -0.353553391, 0.612372436, 0.707106781);

        // The spec prints 9 decimals, so compare at that precision here and at 1e-9 against the exact product below.
        Assert.True(m.MaxAbsDifference(expected) < 6e-10, m.ToString());
        RotationMatrix product = RotationMatrix.RotationZ(30) * RotationMatrix.RotationY(45) * RotationMatrix.RotationZ(60);
        Assert.True(m.MaxAbsDifference(product) < Tol);
    }

    [Theory]
    [InlineData(0, 90, 0, new double[] { 0, 0, 1, 0, 1, 0, -1, 0, 0 })]
    [InlineData(90, 0, 0, new double[] { 0, -1, 0, 1, 0, 0, 0, 0, 1 })]
    [InlineData(0, 0, 90, new double[] { 0, -1, 0, 1, 0, 0, 0, 0, 1 })]
    [InlineData(0, 0, 0, new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 })]
    public void EulerToMatrix_SpecVectors(double phi, double theta, double psi, double[] expected)
    {
        double[] actual = new EulerAngles(phi, theta, psi).ToMatrix().ToArray();
        for (int i = 0; i < 9; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) < Tol, $"element {i}: {actual[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void RotationZ_IsActiveRightHanded()
    {
        (double x, double y, double z) = RotationMatrix.RotationZ(90).Apply(1, 0, 0);
        Assert.Equal(0, x, Tol);
        Assert.Equal(1, y, Tol);
        Assert.Equal(0, z, Tol);
        (x, y, z) = RotationMatrix.RotationY(90).Apply(0, 0, 1);
        Assert.Equal(1, x, Tol);
        Assert.Equal(0, y, Tol);
        Assert.Equal(0, z, Tol);
    }

    [Fact]
    public void MatrixAlgebra_TransposeInvertsAndDeterminantIsOne()
    {
        RotationMatrix m = new EulerAngles(12.5, 77, -140).ToMatrix();
        Assert.True((m * m.Transpose()).MaxAbsDifference(RotationMatrix.Identity) < Tol);
        Assert.Equal(1.0, m.Determinant, Tol);
        Assert.Equal(m.M12, m[1, 2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => m[3, 0]);
        (double x, double y, double z) = m.Apply(0.3, -0.2, 0.9);
        (double bx, double by, double bz) = m.Transpose().Apply(x, y, z);
        Assert.Equal(0.3, bx, Tol);
        Assert.Equal(-0.2, by, Tol);
        Assert.Equal(0.9, bz, Tol);
    }

    [Fact]
    public void MatrixToEuler_RoundTrip_RandomAnglesAndPoles()
    {
        var rng = new Random(20240611);
        var cases = new List<EulerAngles>();
        for (int i = 0; i < 2000; i++)
        {
            cases.Add(new EulerAngles(rng.NextDouble() * 720 - 360, rng.NextDouble() * 180, rng.NextDouble() * 720 - 360));
        }

        foreach (double theta in new[] { 0.0, 180.0, 1e-9, 180 - 1e-9, 1e-5, 180 - 1e-5, -0.0, 90.0 })
        {
            for (int i = 0; i < 50; i++)
            {
                cases.Add(new EulerAngles(rng.NextDouble() * 720 - 360, theta, rng.NextDouble() * 720 - 360));
            }
        }

        foreach (EulerAngles angles in cases)
        {
            RotationMatrix m = angles.ToMatrix();
            EulerAngles back = EulerAngles.FromMatrix(m);
            Assert.True(back.ToMatrix().MaxAbsDifference(m) < Tol, $"{angles} -> {back}");
            Assert.InRange(back.Theta, 0, 180);
            Assert.InRange(back.Phi, -180, 180);
            Assert.InRange(back.Psi, -180, 180);
        }
    }

    [Fact]
    public void MatrixToEuler_RecoversAnglesAwayFromPoles()
    {
        EulerAngles back = new EulerAngles(30, 45, 60).ToMatrix().ToEuler();
        Assert.Equal(30, back.Phi, Tol);
        Assert.Equal(45, back.Theta, Tol);
        Assert.Equal(60, back.Psi, Tol);

        back = new EulerAngles(200, 120, -190).ToMatrix().ToEuler();
        Assert.Equal(-160, back.Phi, Tol);
        Assert.Equal(120, back.Theta, Tol);
        Assert.Equal(170, back.Psi, Tol);
    }

    [Fact]
    public void MatrixToEuler_GimbalLock_PutsEverythingInPhi()
    {
        // theta = 0: only phi + psi is defined.
        EulerAngles north = new EulerAngles(40, 0, 30).ToMatrix().ToEuler();
        Assert.Equal(70, north.Phi, Tol);
        Assert.Equal(0, north.Theta, Tol);
        Assert.Equal(0, north.Psi);

        // theta = 180: only phi - psi is defined.
        EulerAngles south = new EulerAngles(40, 180, 30).ToMatrix().ToEuler();
        Assert.Equal(10, south.Phi, Tol);
        Assert.Equal(180, south.Theta, Tol);
        Assert.Equal(0, south.Psi);

        Assert.Equal(new EulerAngles(0, 0, 0), RotationMatrix.Identity.ToEuler());
    }

    [Fact]
    public void SinglePrecision_MatchesDoubleToFloatRounding()
    {
        EulerAngles angles = new EulerAngles(187.05882352941177, 45, 22.5).RoundToSingle();
        Assert.Equal((double)(float)187.05882352941177, angles.Phi);
        RotationMatrixF f = RotationMatrixF.FromEuler(angles);
        RotationMatrix d = angles.ToMatrix();
        Assert.True(f.ToDouble().MaxAbsDifference(d) < 1e-7);
        (float x, float y, float z) = f.Apply(1, 2, 3);
        (double dx, double dy, double dz) = d.Apply(1, 2, 3);
        Assert.Equal(dx, x, 1e-5);
        Assert.Equal(dy, y, 1e-5);
        Assert.Equal(dz, z, 1e-5);
        var buffer = new float[9];
        f.CopyTo(buffer);
        Assert.Equal(f.M21, buffer[7]);
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(0.25)]
    [InlineData(37.0)]
    [InlineData(179.0)]
    [InlineData(180.0)]
    public void AngleTo_IsTheAngleOfTheRelativeRotation(double degrees)
    {
        RotationMatrix start = new EulerAngles(30, 60, 90).ToMatrix();
        // Any axis: rotate about the start's own viewing direction, then about a tilted axis.
        Assert.Equal(degrees, start.AngleTo(start * RotationMatrix.RotationZ(degrees)), 1e-9);
        RotationMatrix tilted = RotationMatrix.RotationY(20) * RotationMatrix.RotationX(degrees) * RotationMatrix.RotationY(-20);
        Assert.Equal(degrees, (tilted * start).AngleTo(start), 1e-9);
        Assert.Equal(0, start.AngleTo(start), 1e-12);
    }
}
