namespace LeopardEm.Orientations;

/// <summary>
/// Degree/radian conversions with NumPy's rounding: <c>np.deg2rad(x) = x * (pi / 180)</c> and
/// <c>np.rad2deg(x) = x * (180 / pi)</c>, each a single multiplication by a precomputed constant. Using
/// <c>x * pi / 180</c> instead would change the last bit of some grid angles.
/// </summary>
internal static class Angles
{
    private const double DegToRadFactor = Math.PI / 180.0;
    private const double RadToDegFactor = 180.0 / Math.PI;

    /// <summary>Degrees to radians, as <c>np.deg2rad</c>.</summary>
    public static double DegToRad(double degrees) => degrees * DegToRadFactor;

    /// <summary>Radians to degrees, as <c>np.rad2deg</c>.</summary>
    public static double RadToDeg(double radians) => radians * RadToDegFactor;
}
