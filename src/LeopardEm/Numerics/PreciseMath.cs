namespace LeopardEm.Numerics;

/// <summary>
/// <c>eˣ − 1</c> and <c>ln(1 + x)</c> without cancellation for small |x|. .NET's <c>double.ExpM1</c> and
/// <c>double.LogP1</c> compute <c>Exp(x) − 1</c> and <c>Log(1 + x)</c>, losing all digits near 0, and MathNet's
/// <c>Expm1</c> is accurate to only ~1e-8 relative; tail probabilities need full precision.
/// </summary>
public static class PreciseMath
{
    /// <summary>eˣ − 1 to within a few ulps (Kahan's method: the rounding error of eˣ cancels in (u − 1)·x/ln u).</summary>
    /// <param name="x">Exponent.</param>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        return um1 == -1.0 || double.IsInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x) to within a few ulps, x &gt; −1 (Kahan's method: the rounding of 1 + x is corrected by
    /// x/((1 + x) − 1)).</summary>
    /// <param name="x">Argument.</param>
    public static double LogOnePlus(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : double.IsInfinity(u) ? Math.Log(u) : Math.Log(u) * x / (u - 1.0);
    }
}
