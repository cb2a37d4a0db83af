using LeopardEm.Orientations;

namespace LeopardEm.Tests.Orientations;

public class HealpixAndCartesianTests
{
    [Theory]
    [InlineData(2.5, 24)]
    [InlineData(1.68, 35)]
    [InlineData(5, 12)]
    [InlineData(90, 1)]
    public void SelectNside_FollowsUpstreamSearch(double thetaStep, int expected)
    {
        Assert.Equal(expected, HealpixGrid.SelectNside(thetaStep));
    }

    [Theory]
    [InlineData(1.67)]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void SmallThetaSteps_FailWithNoValidNside(double thetaStep)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new OrientationSampling { ThetaStep = thetaStep, BaseGrid = BaseGridMethod.Healpix }.Generate());
        Assert.Contains("No valid nside found", ex.Message);
    }

    [Fact]
    public void DefaultHealpix_Has1658880Orientations()
    {
        var sampling = new OrientationSampling { BaseGrid = BaseGridMethod.Healpix };
        Assert.Equal(6912, HealpixGrid.Generate(2.5).Length);
        Assert.Equal(1_658_880, sampling.Generate().Length);
    }

    [Fact]
    public void PixelCentres_MatchTextbookRingFormulas()
    {
        foreach (int nside in new[] { 1, 2, 5, 24 })
        {
            long npix = 12L * nside * nside;
            long ncap = 2L * nside * (nside - 1);
            for (long p = 0; p < npix; p++)
            {
                double z, phi;
                if (p < ncap)
                {
                    long i = (long)Math.Floor((1 + Math.Sqrt(1 + 2.0 * p)) / 2);
                    long j = p + 1 - 2 * i * (i - 1);
                    z = 1 - i * i / (3.0 * nside * nside);
                    phi = (j - 0.5) * Math.PI / (2 * i);
                }
                else if (p < npix - ncap)
                {
                    long q = p - ncap;
                    long i = q / (4 * nside) + nside;
                    long j = q % (4 * nside) + 1;
                    double s = (i + nside) % 2 == 1 ? 1 : 0.5;
                    z = (2 * nside - i) * 2.0 / (3 * nside);
                    phi = (j - s) * Math.PI / (2 * nside);
                }
                else
                {
                    long q = npix - p;
                    long i = (long)Math.Floor((1 + Math.Sqrt(2.0 * q - 1)) / 2);
                    long j = 4 * i + 1 - (q - 2 * i * (i - 1));
                    z = -1 + i * i / (3.0 * nside * nside);
                    phi = (j - 0.5) * Math.PI / (2 * i);
                }

                (double theta, double actualPhi) = HealpixGrid.PixelCentre(nside, p);
                Assert.Equal(Math.Acos(z), theta, 1e-12);
                Assert.Equal(phi, actualPhi, 1e-12);
                Assert.InRange(actualPhi, 0, 2 * Math.PI);
            }
        }
    }

    [Fact]
    public void Healpix_FiltersInclusiveBox()
    {
        SpherePoint[] grid = HealpixGrid.Generate(10, 0, 60, 0, 90);
        Assert.NotEmpty(grid);
        Assert.All(grid, p =>
        {
            Assert.InRange(p.Theta, 0, 60);
            Assert.InRange(p.Phi, 0, 90);
        });
    }

    [Fact]
    public void Cartesian_PhiOuterThetaInner()
    {
        SpherePoint[] grid = CartesianGrid.Generate(45);
        Assert.Equal(144 * 4, grid.Length);
        Assert.Equal(new SpherePoint(0, 0), grid[0]);
        Assert.Equal(new SpherePoint(0, 135), grid[3]);
        Assert.Equal(new SpherePoint(2.5, 0), grid[4]);
        Assert.Equal(new SpherePoint(357.5, 135), grid[^1]);

        var sampling = new OrientationSampling { PsiStep = 90, ThetaStep = 45, BaseGrid = BaseGridMethod.Cartesian };
        Assert.Equal(144 * 4 * 4, sampling.Generate().Length);
        Assert.Throws<ArgumentException>(() => CartesianGrid.Generate(10, 2.5, 0, 180, 10, 0));
    }
}
