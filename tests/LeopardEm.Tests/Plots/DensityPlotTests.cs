using LeopardEm.Peaks;
using LeopardEm.Plots;
using LeopardEm.Tests.TestData;
using MathNet.Numerics.Distributions;

namespace LeopardEm.Tests.Plots;

public class DensityPlotTests
{
    [Fact]
    public void Picks_and_the_boundary_are_drawn()
    {
        var maps = SyntheticScoreMaps.Noise(128, 128, seed: 4).Plant([(20, 30), (64, 64)], 9f);
        var result = ParticlePicker.Pick(maps.Mip, maps.ZScores, new PickingOptions { Metric = PickingMetric.PValue });
        Assert.NotEmpty(result.Picks);

        using var figure = new RenderedFigure(DensityPlot.Create(maps.Mip, maps.ZScores, result.PValue!, 8, result.Picks), 800, 640);

        Assert.True(figure.DistinctColors() > 30);
        foreach (var pick in result.Picks)
        {
            Assert.True(figure.CountNear(figure.PixelOf(pick.ZScore, pick.Mip), 7, DensityPlot.PickColor) >= 3, $"no marker at pick ({pick.X}, {pick.Y})");
        }

        var boundaryPixels = 0;
        for (var y = 0; y < figure.Bitmap.Height; y += 4)
        {
            boundaryPixels += figure.CountNear((figure.Bitmap.Width / 2, y), figure.Bitmap.Width / 2, DensityPlot.BoundaryColor) > 0 ? 1 : 0;
        }

        Assert.True(boundaryPixels > 10, "the decision boundary must be drawn");
    }

    /// <summary>With maps whose values are their own probits (value = Φ⁻¹((rank − 0.5)/n)), the quantile mapping is
    /// the identity, so the boundary's arc must satisfy −ln p = cutoff and its rays lie on the quadrant's edges.</summary>
    [Theory]
    [InlineData(PValueQuadrant.First)]
    [InlineData(PValueQuadrant.Three)]
    public void The_boundary_is_the_cutoff_contour(PValueQuadrant quadrant)
    {
        const int n = 200_000;
        var probits = Enumerable.Range(0, n).Select(i => Normal.InvCDF(0, 1, (i + 0.5) / n)).ToArray();
        var model = AnisotropicGaussian.FromEigen(SymmetricEigen2x2.Decompose(1, 0.5, 1));
        const double cutoff = 6;

        var segments = DensityPlot.Boundary(model, quadrant, cutoff, probits, probits);

        Assert.Equal(3, segments.Count);
        var arc = segments.MaxBy(s => s.Count(p => p.X != 0 && p.Y != 0))!;
        Assert.All(arc, p => Assert.Equal(cutoff, model.NegativeLogP(p.X, p.Y, quadrant), 1e-3));
        foreach (var ray in segments.Where(s => s != arc))
        {
            Assert.True(ray.All(p => Math.Abs(p.X) < 1e-3) || ray.All(p => Math.Abs(p.Y) < 1e-3));
            Assert.All(ray, p => Assert.True(model.NegativeLogP(p.X + 1e-9 * Math.Sign(p.X), p.Y, quadrant) >= cutoff - 1e-3 || model.NegativeLogP(p.X, p.Y, quadrant) == 0));
        }
    }
}
