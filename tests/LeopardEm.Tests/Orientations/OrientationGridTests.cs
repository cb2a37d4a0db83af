using LeopardEm.Orientations;

namespace LeopardEm.Tests.Orientations;

public class OrientationGridTests
{
    [Theory]
    [InlineData(90, 90, 24)]
    [InlineData(4, 4, 232_740)]
    [InlineData(10, 10, 14_832)]
    [InlineData(3, 5, 198_240)]
    [InlineData(1, 2.5, 2_376_720)]
    public void TotalCounts_MatchSpec(double psiStep, double thetaStep, int expected)
    {
        var sampling = new OrientationSampling { PsiStep = psiStep, ThetaStep = thetaStep };
        Assert.Equal(expected, OrientationGrid.Count(sampling));
        if (expected < 300_000)
        {
            Assert.Equal(expected, sampling.Generate().Length);
        }
    }

    [Theory]
    [InlineData(1, 1, 14_855_040)]
    [InlineData(2, 2, 1_857_240)]
    [InlineData(1.5, 1.5, 4_401_120)]
    public void LargeTotalCounts_MatchSpec(double psiStep, double thetaStep, long expected)
    {
        Assert.Equal(expected, OrientationGrid.Count(new OrientationSampling { PsiStep = psiStep, ThetaStep = thetaStep }));
    }

    [Fact]
    public void DefaultList_CountRowsAndOrdering()
    {
        EulerAngles[] angles = new OrientationSampling().Generate();

        Assert.Equal(1_584_480, angles.Length);

        AssertRow(angles[0], 0, 0, 0);
        AssertRow(angles[6602], 0, 0, 1.5);
        AssertRow(angles[6603], 0, 2.5, 1.5);
        AssertRow(angles[100_000], 360.0 * 53 / 102, 45, 22.5);
        AssertRow(angles[^1], 0, 180, 358.5);

        // psi outer, base grid inner.
        for (int ip = 0; ip < 240; ip += 37)
        {
            Assert.Equal(ip * 1.5, angles[ip * 6602 + 4000].Psi);
            Assert.Equal(angles[4000].Phi, angles[ip * 6602 + 4000].Phi);
            Assert.Equal(angles[4000].Theta, angles[ip * 6602 + 4000].Theta);
        }

        Assert.Equal(480, angles.Count(a => Math.Abs(a.Phi - 360) < 1e-9));
    }

    [Fact]
    public void DefaultBaseGrid_MatricesAreProperRotations()
    {
        EulerAngles[] angles = new OrientationSampling { PsiStep = 37.5 }.Generate();
        foreach (EulerAngles a in angles)
        {
            RotationMatrix m = a.ToMatrix();
            Assert.True(m.OrthonormalityError() < 1e-9);
            Assert.True(Math.Abs(m.Determinant - 1) < 1e-9);
        }
    }

    [Theory]
    [InlineData("C2", 793_920)]
    [InlineData("C3", 528_000)]
    [InlineData("D2", 405_600)]
    [InlineData("D7", 115_920)]
    [InlineData("T", 176_400)]
    [InlineData("O", 88_320)]
    [InlineData("I", 67_200)]
    public void SymmetrySizes_MatchSpec(string symmetry, int expected)
    {
        var sampling = new OrientationSampling { Symmetry = symmetry };
        Assert.Equal(expected, OrientationGrid.Count(sampling));
        Assert.Equal(expected, sampling.Generate().Length);
    }

    [Fact]
    public void Ranges_SymmetryWinsAndNullSymmetryFillsDefaults()
    {
        var withSymmetry = new OrientationSampling { Symmetry = "D2", PhiMax = 10 };
        Assert.Equal(new AngleRanges(0, 180, 0, 90, 0, 360), withSymmetry.ResolveRanges());

        var explicitRanges = new OrientationSampling { Symmetry = null, ThetaMax = 30, PsiMin = 10, PsiMax = 20 };
        Assert.Equal(new AngleRanges(0, 360, 0, 30, 10, 20), explicitRanges.ResolveRanges());
        EulerAngles[] angles = explicitRanges.Generate();
        Assert.Equal(UniformGrid.Count(2.5, 0, 30) * 7, angles.Length);
        Assert.Equal(10, angles[0].Psi);
        Assert.Equal(19, angles[^1].Psi);

        Assert.Throws<ArgumentException>(() => new OrientationSampling { Symmetry = "" }.Generate());
    }

    [Fact]
    public void PsiValues_FollowTorchArange()
    {
        Assert.Equal([5.0], OrientationGrid.PsiValues(0, 5, 5));
        Assert.Equal([7.0], OrientationGrid.PsiValues(1, 7, 3));
        Assert.Equal(240, OrientationGrid.PsiValues(1.5, 0, 360).Length);
        Assert.Equal(7, OrientationGrid.PsiValues(0.5, -1.5, 1.5 + 1e-6).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => OrientationGrid.PsiValues(0, 0, 360));
    }

    [Fact]
    public void MultipleSamplings_Concatenate()
    {
        var a = new OrientationSampling { PsiStep = 90, ThetaStep = 90 };
        var b = new OrientationSampling { PsiStep = 10, ThetaStep = 10 };
        EulerAngles[] both = OrientationGrid.Generate([a, b]);
        Assert.Equal(24 + 14_832, both.Length);
        Assert.Equal(b.Generate()[5], both[24 + 5]);
    }

    [Fact]
    public void SingleArray_IsFloatRoundedTriplets()
    {
        EulerAngles[] angles = new OrientationSampling().Generate();
        float[] f = OrientationGrid.ToSingleArray(angles.AsSpan(100_000, 2));
        Assert.Equal(6, f.Length);
        Assert.Equal((float)angles[100_000].Phi, f[0]);
        Assert.Equal(45f, f[1]);
        Assert.Equal(22.5f, f[2]);
        Assert.Equal(angles[100_001].RoundToSingle().Phi, f[3]);
    }

    private static void AssertRow(EulerAngles row, double phi, double theta, double psi)
    {
        Assert.Equal(phi, row.Phi, 1e-9);
        Assert.Equal(theta, row.Theta, 1e-9);
        Assert.Equal(psi, row.Psi, 1e-9);
    }
}
