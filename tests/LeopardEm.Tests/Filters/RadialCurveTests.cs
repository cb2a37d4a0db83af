using LeopardEm.Filters;

namespace LeopardEm.Tests.Filters;

public class RadialCurveTests
{
    [Fact]
    public void Interpolates_linearly_and_is_one_outside()
    {
        var curve = new RadialCurve([0.1f, 0.5f], [1.0f, 0.5f]);
        Assert.Equal(1f, curve.Evaluate(0.05f));
        Assert.Equal(1f, curve.Evaluate(0.1f));
        Assert.Equal(0.75f, curve.Evaluate(0.3f), 6);
        Assert.Equal(1f, curve.Evaluate(0.5f)); // at or beyond the last sample: outside value
    }

    [Fact]
    public void Rejects_non_increasing_frequencies()
    {
        var error = Assert.Throws<ArgumentException>(() => new RadialCurve([0.2f, 0.1f], [1f, 1f]));
        Assert.Contains("increase", error.Message);
    }
}
