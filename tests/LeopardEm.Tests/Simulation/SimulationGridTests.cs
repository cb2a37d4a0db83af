using LeopardEm.Simulation;

namespace LeopardEm.Tests.Simulation;

public class SimulationGridTests
{
    [Theory]
    [InlineData(2.0, 300, 4)] // ttsim3d's test cases
    [InlineData(1.0, 400, 2)]
    [InlineData(0.5, 500, 1)]
    [InlineData(2.0, 500, 1)] // 4 x 500 is not below 1536, and 2 Å is not in (0.75, 1.5]
    [InlineData(1.5, 766, 2)]
    [InlineData(1.5, 768, 1)]
    [InlineData(0.75, 400, 1)]
    public void Automatic_upsampling_follows_ttsim3d(double pixelSize, int size, int expected)
    {
        Assert.Equal(expected, SimulationGrid.AutomaticUpsampling(pixelSize, size));
        Assert.Equal(expected, SimulationGrid.Create(pixelSize, size, -1).Upsampling);
    }

    [Fact]
    public void The_fine_grid_is_u_times_finer()
    {
        var grid = SimulationGrid.Create(0.95, 512, -1);

        Assert.Equal((2, 1024, 0.475), (grid.Upsampling, grid.UpsampledSize, grid.UpsampledPixelSize));
    }

    [Theory]
    [InlineData(0.0, 64, 1)]
    [InlineData(1.0, 63, 1)]
    [InlineData(1.0, 64, 0)]
    [InlineData(1.0, 64, -2)]
    [InlineData(1.0, 1024, 4)] // a 4096 x 1024 x 1024 slab exceeds one transform
    public void Invalid_grids_are_rejected(double pixelSize, int size, int upsampling)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulationGrid.Create(pixelSize, size, upsampling));
    }
}
