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
    [InlineData("X3", "Symmetry group 'X' not recognized in 'X3'")]
    [InlineData("CC", "Symmetry group 'CC' not recognized")]
    [InlineData("C0", "the order must be a positive integer")]
    [InlineData("D0", "the order must be a positive integer")]
    [InlineData("C99999999999", "too large")]
    public void Parse_RejectsWithClearMessage(string text, string fragment)
    {
        var ex = Assert.Throws<ArgumentException>(() => SymmetryGroup.Parse(text));
        Assert.Contains(fragment, ex.Message);
    }

    [Theory]
    [InlineData("d7", true, null)]
    [InlineData(null, false, "Invalid symmetry format: ")]
    [InlineData("C2v", false, "Invalid symmetry format: C2v")]
    [InlineData("X3", false, "Symmetry group 'X' not recognized in 'X3'; expected one of C, D, T, O, I")]
    [InlineData("C0", false, "Invalid symmetry order in 'C0': the order must be a positive integer")]
    [InlineData("I0", true, null)]
    public void TryParse_ReportsWhy(string? text, bool ok, string? error)
    {
        Assert.Equal(ok, SymmetryGroup.TryParse(text, out SymmetryGroup group, out string? why));
        if (ok)
        {
            Assert.Null(why);
            Assert.Equal(SymmetryGroup.Parse(text!), group);
        }
        else
        {
            Assert.StartsWith(error!, why);
            Assert.Equal(default, group);
        }
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
