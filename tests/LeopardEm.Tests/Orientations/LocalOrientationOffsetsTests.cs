using LeopardEm.Orientations;

namespace LeopardEm.Tests.Orientations;

public class LocalOrientationOffsetsTests
{
    [Theory]
    [InlineData(1.5, 0.5, 2.5, 1.0, 42)]
    [InlineData(1.5, 0.1, 2.5, 0.25, 651)]
    [InlineData(1.5, 0.15, 2.5, 0.25, 441)]
    public void Counts_MatchSpec(double psiCoarse, double psiFine, double thetaCoarse, double thetaFine, int expected)
    {
        Assert.Equal(expected, LocalOrientationOffsets.Generate(psiCoarse, psiFine, thetaCoarse, thetaFine).Length);
    }

    [Fact]
    public void Offsets_HaveUpstreamStructure()
    {
        EulerAngles[] offsets = LocalOrientationOffsets.Generate(1.5, 0.5, 2.5, 1.0);

        // One phi (= -psiCoarse) per theta ring, thetas -2.5..2.5 step 1, psi -1.5..1.5 step 0.5, psi outer.
        Assert.All(offsets, o => Assert.Equal(-1.5, o.Phi, 1e-12));
        double[] thetas = [.. offsets.Take(6).Select(o => o.Theta)];
        Assert.Equal([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5], thetas.Select(t => Math.Round(t, 9)));
        Assert.Equal(-1.5, offsets[0].Psi);
        Assert.Equal(1.5, offsets[^1].Psi);
        Assert.Equal(-1.0, offsets[6].Psi);
    }

    [Fact]
    public void DefaultOffsets_IncludeIdentity()
    {
        EulerAngles[] offsets = LocalOrientationOffsets.Generate(1.5, 0.1, 2.5, 0.25);
        Assert.Contains(offsets, o => o.ToMatrix().MaxAbsDifference(RotationMatrix.Identity) < 1e-9);
        Assert.Equal([EulerAngles.Zero], LocalOrientationOffsets.Disabled());
    }

    [Fact]
    public void Apply_ComposesOnTheLeftAndWraps()
    {
        EulerAngles same = LocalOrientationOffsets.Apply(EulerAngles.Zero, new EulerAngles(-30, 45, -60));
        Assert.Equal(330, same.Phi, 1e-9);
        Assert.Equal(45, same.Theta, 1e-9);
        Assert.Equal(300, same.Psi, 1e-9);

        var offset = new EulerAngles(10, 20, 30);
        var original = new EulerAngles(40, 50, 60);
        EulerAngles refined = LocalOrientationOffsets.Apply(offset, original);
        RotationMatrix expected = offset.ToMatrix() * original.ToMatrix();
        Assert.True(refined.ToMatrix().MaxAbsDifference(expected) < 1e-9);
        Assert.InRange(refined.Phi, 0, 360);
        Assert.InRange(refined.Psi, 0, 360);
    }
}
