using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace LeopardEm.Plots;

/// <summary>ScottPlot 5 has no logarithmic axes: values are plotted as log10 and this labels the ticks with the
/// values themselves (0.1, 1, 10, 100, 1000, 10⁴ …) and adds logarithmic minor ticks.</summary>
internal static class LogAxis
{
    public static void Apply(IAxis axis)
    {
        axis.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = Label,
        };
    }

    private static string Label(double exponent)
    {
        var power = (int)Math.Round(exponent);
        return power is >= -2 and <= 3
            ? Math.Pow(10, power).ToString("0.##", CultureInfo.InvariantCulture)
            : "1e" + power.ToString(CultureInfo.InvariantCulture);
    }
}
