using LeopardEm.Numerics;

namespace LeopardEm.Peaks;

/// <summary>
/// A generalized extreme value distribution in SciPy's <c>genextreme</c> parametrisation: with
/// <c>y = (x − loc)/scale</c>, <c>F(x) = exp(−(1 − c·y)^(1/c))</c> (Gumbel <c>exp(−e^(−y))</c> at c = 0). The shape
/// is <c>c = −ξ</c> of the usual (Jenkinson) convention: c &gt; 0 has a finite upper end <c>loc + scale/c</c>
/// (Weibull type), c &lt; 0 a heavy upper tail (Fréchet type).
/// </summary>
/// <param name="Shape">c = −ξ (SciPy's <c>c</c>).</param>
/// <param name="Location">loc, in the units of the data (here z-score units).</param>
/// <param name="Scale">scale &gt; 0, same units.</param>
public readonly record struct GevDistribution(double Shape, double Location, double Scale)
{
    // Below this |c| the Gumbel limit is used; the neglected terms are O(c·y²) relative, below double rounding.
    private const double GumbelShape = 1e-12;

    /// <summary>Natural logarithm of the density at <paramref name="x"/>; −∞ outside the support.</summary>
    /// <param name="x">Value.</param>
    public double LogDensity(double x)
    {
        var g = LogCumulativeHazard(x);
        return double.IsNaN(g) ? double.NegativeInfinity : -Math.Log(Scale) + (1 - Shape) * g - Math.Exp(g);
    }

    /// <summary>P(X ≤ <paramref name="x"/>). Outside the support x lies above the upper end (c &gt; 0) or below
    /// the lower end (c &lt; 0).</summary>
    /// <param name="x">Value.</param>
    public double Cdf(double x)
    {
        var g = LogCumulativeHazard(x);
        return double.IsNaN(g) ? (Shape > 0 ? 1 : 0) : Math.Exp(-Math.Exp(g));
    }

    /// <summary>P(X &gt; <paramref name="x"/>), accurate far into the upper tail.</summary>
    /// <param name="x">Value.</param>
    public double Survival(double x)
    {
        var g = LogCumulativeHazard(x);
        return double.IsNaN(g) ? (Shape > 0 ? 0 : 1) : -PreciseMath.ExpM1(-Math.Exp(g));
    }

    /// <summary>The value exceeded with probability <paramref name="q"/> (SciPy <c>isf</c>).</summary>
    /// <param name="q">Upper-tail probability in (0, 1).</param>
    public double InverseSurvival(double q)
    {
        if (!(q > 0 && q < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "The tail probability must be in (0, 1).");
        }

        // exp(−e^g) = 1 − q gives g; then g = log1p(−c·y)/c gives y.
        var g = Math.Log(-PreciseMath.LogOnePlus(-q));
        var y = Math.Abs(Shape) < GumbelShape ? -g : -PreciseMath.ExpM1(Shape * g) / Shape;
        return Location + Scale * y;
    }

    /// <summary>A draw by inverting a uniform variate of <paramref name="random"/>.</summary>
    /// <param name="random">Source of uniform variates.</param>
    public double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u;
        do
        {
            u = random.NextDouble();
        }
        while (u == 0);

        return InverseSurvival(u);
    }

    // g = ln of the cumulative hazard (1 − c·y)^(1/c) = log1p(−c·y)/c (−y for Gumbel); NaN outside the support.
    private double LogCumulativeHazard(double x)
    {
        var y = (x - Location) / Scale;
        if (Math.Abs(Shape) < GumbelShape)
        {
            return -y;
        }

        var inner = -Shape * y;
        return inner > -1 ? PreciseMath.LogOnePlus(inner) / Shape : double.NaN;
    }
}
