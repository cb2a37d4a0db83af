using LeopardEm.Orientations;

namespace LeopardEm.Tests.Orientations;

public class SymmetryGroupTests
{
    [Theory]
    [InlineData("C1", SymmetryKind.Cyclic, 1, 360.0, 180.0)]
    [InlineData("c6", SymmetryKind.Cyclic, 6, 60.0, 180.0)]
    [InlineData("C", SymmetryKind.Cyclic, 1, 360.0, 180.0)]
    [InlineData("D2", SymmetryKind.Dihedral, 2, 180.0, 90.0)]
    [InlineData("D7", SymmetryKind.Dihedral, 7, 360.0 / 7, 90.0)]
    [InlineData("T", SymmetryKind.Tetrahedral, 1, 180.0, 54.7356)]
    [InlineData("t5", SymmetryKind.Tetrahedral, 1, 180.0, 54.7356)]
    [InlineData("O", SymmetryKind.Octahedral, 1, 90.0, 54.7356)]
    [InlineData("I", SymmetryKind.Icosahedral, 1, 180.0, 31.7)]
    [InlineData("I0", SymmetryKind.Icosahedral, 1, 180.0, 31.7)]
    public void Parse_GivesSpecRanges(string text, SymmetryKind kind, int order, double phiMax, double thetaMax)
    {
        SymmetryGroup group = SymmetryGroup.Parse(text);
        Assert.Equal(kind, group.Kind);
        Assert.Equal(order, group.Order);
        Assert.Equal(new AngleRanges(0, phiMax, 0, thetaMax, 0, 360), group.GetRanges());
    }

    [Theory]
    [InlineData("C2v", "Invalid symmetry format")]
    [InlineData("", "Invalid symmetry format")]
    [InlineData("2", "Invalid symmetry format")]
    [InlineData("X3", "Symmetry group not recognized")]
    [InlineData("CC", "Symmetry group not recognized")]
    [InlineData("C0", "at least 1")]
    [InlineData("D0", "at least 1")]
    [InlineData("C99999999999", "too large")]
    public void Parse_RejectsWithClearMessage(string text, string fragment)
    {
        var ex = Assert.Throws<ArgumentException>(() => SymmetryGroup.Parse(text));
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void DefaultIsC1AndToStringIsCanonical()
    {
        Assert.Equal(SymmetryGroup.C1, default);
        Assert.Equal("C1", default(SymmetryGroup).ToString());
        Assert.Equal("D7", SymmetryGroup.Parse("d7").ToString());
        Assert.Equal("O", SymmetryGroup.Parse("o3").ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SymmetryGroup(SymmetryKind.Cyclic, 0));
    }
}
