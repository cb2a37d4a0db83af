using LeopardEm.Settings;

namespace LeopardEm.Tests.Settings;

/// <summary>Spec §1.4 (defocus) and §1.5 / other_programs §1.1 (pixel size) grid test vectors.</summary>
public class SearchValueGridTests
{
    private static float[] Range(float first, float step, int count) =>
        Enumerable.Range(0, count).Select(i => first + step * i).ToArray();

    private static float[] Defocus(double min, double max, double step, bool skipZero = false) =>
        new DefocusSearchConfig
        {
            DefocusMin = min,
            DefocusMax = max,
            DefocusStep = step,
            SkipEnforceZero = skipZero,
        }.GetRelativeDefocusValues();

    [Theory]
    [InlineData(-1200, 1200, 200, 13)]
    [InlineData(-1000, 1000, 200, 11)]
    [InlineData(-600, 600, 200, 7)]
    [InlineData(-1000, 1000, 100, 21)]
    public void SymmetricGridsRunFromMinToMax(double min, double max, double step, int count)
    {
        var values = Defocus(min, max, step);
        Assert.Equal(Range((float)min, (float)step, count), values);
    }

    [Fact]
    public void SmallGridIncludesZeroOnce() =>
        Assert.Equal([-400f, -200f, 0f, 200f, 400f], Defocus(-400, 400, 200));

    [Fact]
    public void ZeroIsInsertedWhenGridMissesIt()
    {
        var values = Defocus(-1100, 1100, 200);
        Assert.Equal(13, values.Length);
        var expected = Range(-1100, 200, 12).Append(0f).Order().ToArray();
        Assert.Equal(expected, values);
    }

    [Fact]
    public void ZeroIsInsertedBelowAPositiveRange() => Assert.Equal([0f, 100f, 300f, 500f], Defocus(100, 500, 200));

    [Fact]
    public void SkipEnforceZeroLeavesTheGridAlone() =>
        Assert.Equal([100f, 300f, 500f], Defocus(100, 500, 200, skipZero: true));

    [Fact]
    public void DisabledSearchIsZeroOnly() =>
        Assert.Equal([0f], new DefocusSearchConfig { Enabled = false, DefocusMax = -5000 }.GetRelativeDefocusValues());

    [Fact]
    public void DefaultsGiveElevenPlanes()
    {
        var config = new DefocusSearchConfig();
        Assert.True(config.Enabled);
        Assert.Equal(-1000.0, config.DefocusMin);
        Assert.Equal(1000.0, config.DefocusMax);
        Assert.Equal(200.0, config.DefocusStep);
        Assert.False(config.SkipEnforceZero);
        Assert.Equal(11, config.GetRelativeDefocusValues().Length);
    }

    [Fact]
    public void MaxBelowMinIsAnError()
    {
        var config = new DefocusSearchConfig { DefocusMin = 500, DefocusMax = -500 };
        var problem = Assert.Single(config.Validate());
        Assert.Equal("defocus_search_config.defocus_max", problem.KeyPath);
        Assert.Contains("Defocus search parameters result in no values to search over!", problem.Message);
        var e = Assert.Throws<SettingsValidationException>(() => config.GetRelativeDefocusValues());
        Assert.Contains("no values to search over", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-200.0)]
    public void NonPositiveStepIsAnError(double step)
    {
        var problem = Assert.Single(new DefocusSearchConfig { DefocusStep = step }.Validate());
        Assert.Equal("defocus_search_config.defocus_step", problem.KeyPath);
        Assert.Contains("must be greater than 0", problem.Message);
    }

    [Fact]
    public void AbsurdlySmallStepIsRejectedBeforeAllocating()
    {
        var problem = Assert.Single(new DefocusSearchConfig { DefocusStep = 1e-6 }.Validate());
        Assert.Contains("too small", problem.Message);
    }

    [Fact]
    public void FloatingPointNoiseAddsOneValueBeyondMax()
    {
        // other_programs §1.1: ceil((0.05 + 0.01 + 0.05) / 0.01) = ceil(11.000000000000002) = 12.
        var values = PixelOffsets(-0.05, 0.05, 0.01);
        Assert.Equal(12, values.Length);
        Assert.Equal((float)(-0.05 + 0.01 * 11), values[^1]);
        Assert.True(values[^1] > 0.0595f);
    }

    [Theory]
    [InlineData(-0.005, 0.005, 0.001, 11)]
    [InlineData(-0.008, 0.008, 0.001, 17)]
    [InlineData(-0.05, 0.05, 0.01, 12)]
    public void PixelSizeGridCounts(double min, double max, double step, int count)
    {
        var values = PixelOffsets(min, max, step);
        Assert.Equal(count, values.Length);
        Assert.Equal((float)min, values[0]);
        Assert.Contains(values, v => MathF.Abs(v) <= SearchValueGrid.ZeroTolerance);
    }

    [Fact]
    public void PixelSizeGridInsertsZero() =>
        Assert.Equal([0f, 0.25f, 0.5f, 0.75f], PixelOffsets(0.25, 0.75, 0.25));

    [Fact]
    public void PixelSizeSearchDefaultsAreDisabled()
    {
        var config = new PixelSizeSearchConfig();
        Assert.False(config.Enabled);
        Assert.Equal(0.0, config.PixelSizeStep);
        Assert.Empty(config.Validate()); // the default step 0 is accepted while disabled
        Assert.Equal([0f], config.GetPixelSizeOffsets());
    }

    [Fact]
    public void EnabledPixelSizeSearchNeedsAStep()
    {
        var config = new PixelSizeSearchConfig { Enabled = true, PixelSizeMin = -0.01, PixelSizeMax = 0.01 };
        var problem = Assert.Single(config.Validate());
        Assert.Equal("pixel_size_search_config.pixel_size_step", problem.KeyPath);
        Assert.Throws<SettingsValidationException>(() => config.GetPixelSizeOffsets());
    }

    [Fact]
    public void PixelSizeMaxBelowMinIsAnError()
    {
        var config = new PixelSizeSearchConfig
        {
            Enabled = true,
            PixelSizeMin = 0.01,
            PixelSizeMax = -0.01,
            PixelSizeStep = 0.001,
        };
        var problem = Assert.Single(config.Validate());
        Assert.Contains("Pixel size search parameters result in no values to search over!", problem.Message);
    }

    private static float[] PixelOffsets(double min, double max, double step) => new PixelSizeSearchConfig
    {
        Enabled = true,
        PixelSizeMin = min,
        PixelSizeMax = max,
        PixelSizeStep = step,
    }.GetPixelSizeOffsets();
}
