using LeopardEm.Optics;

namespace LeopardEm.Tests.Optics;

public class DetectorMtfTests
{
    [Fact]
    public void Interpolates_linearly_and_holds_the_end_values_outside_the_table()
    {
        var mtf = new DetectorMtf([0.0, 0.25, 0.5], [1.0, 0.8, 0.3]);

        Assert.Equal(1.0, mtf.Evaluate(-0.1));
        Assert.Equal(0.9, mtf.Evaluate(0.125), 12);
        Assert.Equal(0.8, mtf.Evaluate(0.25), 12);
        Assert.Equal(0.55, mtf.Evaluate(0.375), 12);
        Assert.Equal(0.3, mtf.Evaluate(0.866));
    }

    [Fact]
    public void Rejects_empty_mismatched_and_unsorted_tables()
    {
        Assert.Throws<ArgumentException>(() => new DetectorMtf([], []));
        Assert.Throws<ArgumentException>(() => new DetectorMtf([0.0, 0.5], [1.0]));
        Assert.Throws<ArgumentException>(() => new DetectorMtf([0.0, 0.5, 0.4], [1.0, 0.5, 0.4]));
        Assert.Throws<ArgumentException>(() => new DetectorMtf([0.0, double.NaN], [1.0, 0.5]));
    }
}
