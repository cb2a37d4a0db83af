using LeopardEm.Orientations;

namespace LeopardEm.Tests.Orientations;

public class UniformGridTests
{
    private static readonly int[] RingSizes2p5 =
    [
        1, 6, 13, 19, 25, 31, 37, 43, 49, 55, 62, 66, 72, 77, 83, 88, 93, 97, 102, 106, 110, 114, 118, 121, 125, 128,
        131, 133, 135, 137, 139, 141, 142, 143, 143, 144, 144, 144, 143, 143, 142, 141, 139, 137, 135, 133, 131, 128,
        125, 121, 118, 114, 110, 106, 102, 97, 93, 88, 83, 77, 72, 66, 62, 55, 49, 43, 37, 31, 25, 19, 13, 6, 1,
    ];

    [Fact]
    public void RingSizes_Step2p5_MatchSpec()
    {
        int[] sizes = UniformGrid.RingSizes(2.5);
        Assert.Equal(73, RingSizes2p5.Length);
        Assert.Equal(RingSizes2p5, sizes);
        Assert.Equal(6602, sizes.Sum());
        Assert.Equal(6602, UniformGrid.Generate(2.5).Length);
    }

    [Theory]
    [InlineData(0.5, 165030)]
    [InlineData(0.75, 73338)]
    [InlineData(1.0, 41264)]
    [InlineData(1.25, 26404)]
    [InlineData(1.5, 18338)]
    [InlineData(2.0, 10318)]
    [InlineData(2.5, 6602)]
    [InlineData(3.0, 4586)]
    [InlineData(3.5, 3374)]
    [InlineData(4.0, 2586)]
    [InlineData(5.0, 1652)]
    [InlineData(6.0, 1148)]
    [InlineData(7.5, 732)]
    [InlineData(10.0, 412)]
    [InlineData(15.0, 184)]
    [InlineData(20.0, 106)]
    [InlineData(30.0, 46)]
    [InlineData(45.0, 22)]
    [InlineData(90.0, 6)]
    public void BaseGridSize_MatchesSpec(double thetaStep, long expected)
    {
        Assert.Equal(expected, UniformGrid.Count(thetaStep));
    }

    [Theory]
    [InlineData(0.5, 14)]
    [InlineData(1.0, 6)]
    [InlineData(0.75, 2)]
    [InlineData(1.25, 2)]
    [InlineData(2.5, 2)]
    [InlineData(3.5, 1)]
    public void DuplicatePhi360Rings_AppearWhereNumPyArangeOvershoots(double thetaStep, int expectedRings)
    {
        SpherePoint[] grid = UniformGrid.Generate(thetaStep);
        int rings = grid.Count(p => Math.Abs(p.Phi - 360.0) < 1e-9);
        Assert.Equal(expectedRings, rings);
    }

    [Fact]
    public void Step2p5_DuplicateRowsSitAtTheta25And155()
    {
        SpherePoint[] grid = UniformGrid.Generate(2.5);
        double[] thetas = [.. grid.Where(p => Math.Abs(p.Phi - 360.0) < 1e-9).Select(p => p.Theta)];
        Assert.Equal(2, thetas.Length);
        Assert.Equal(25.0, thetas[0], 1e-9);
        Assert.Equal(155.0, thetas[1], 1e-9);

        SpherePoint[] ring25 = [.. grid.Where(p => Math.Abs(p.Theta - 25.0) < 1e-9)];
        Assert.Equal(62, ring25.Length);
        Assert.Equal(0.0, ring25[0].Phi);
        Assert.Equal(360.0 / 61, ring25[1].Phi, 1e-9);
    }

    [Fact]
    public void Step2p5_FirstRows()
    {
        SpherePoint[] grid = UniformGrid.Generate(2.5);
        (double Phi, double Theta)[] expected =
        [
            (0, 0), (0, 2.5), (60, 2.5), (120, 2.5), (180, 2.5), (240, 2.5), (300, 2.5), (0, 5), (360.0 / 13, 5),
            (720.0 / 13, 5),
        ];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Phi, grid[i].Phi, 1e-9);
            Assert.Equal(expected[i].Theta, grid[i].Theta, 1e-9);
        }
    }

    [Fact]
    public void Step90_Rows()
    {
        SpherePoint[] grid = UniformGrid.Generate(90);
        (double Phi, double Theta)[] expected = [(0, 0), (0, 90), (90, 90), (180, 90), (270, 90), (0, 180)];
        Assert.Equal(expected.Length, grid.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Phi, grid[i].Phi, 1e-9);
            Assert.Equal(expected[i].Theta, grid[i].Theta, 1e-9);
        }
    }

    [Fact]
    public void ThetaMax_CanBeOvershotByLessThanAStep()
    {
        SpherePoint[] grid = UniformGrid.Generate(2.5, 0, 54.7356, 0, 180);
        Assert.Equal(55.0, grid[^1].Theta, 1e-9);
    }

    [Fact]
    public void EqualPhiBounds_GiveOnePhiPerRing()
    {
        SpherePoint[] grid = UniformGrid.Generate(10, 0, 30, 45, 45);
        Assert.Equal(4, grid.Length);
        Assert.All(grid, p => Assert.Equal(45.0, p.Phi, 1e-12));
    }

    [Fact]
    public void InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UniformGrid.Generate(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => UniformGrid.Generate(double.NaN));
        Assert.Throws<ArgumentException>(() => UniformGrid.Generate(2.5, 10, 0));
        Assert.Throws<ArgumentException>(() => UniformGrid.Generate(2.5, 0, double.PositiveInfinity));
    }
}
