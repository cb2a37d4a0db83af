namespace LeopardEm.Orientations;

/// <summary>Argument checks shared by the grid generators.</summary>
internal static class GridArguments
{
    /// <summary>Throws when any angle bound is NaN or infinite, which would otherwise surface as a bad length.</summary>
    public static void RequireFinite(double thetaMin, double thetaMax, double phiMin, double phiMax)
    {
        if (!double.IsFinite(thetaMin) || !double.IsFinite(thetaMax) || !double.IsFinite(phiMin)
            || !double.IsFinite(phiMax))
        {
            throw new ArgumentException(
                $"Angle bounds must be finite (theta {thetaMin}..{thetaMax}, phi {phiMin}..{phiMax} degrees).");
        }
    }

    /// <summary>Throws unless <paramref name="step"/> is a positive, finite number of degrees.</summary>
    public static void RequirePositiveStep(double step, string name)
    {
        if (!(step > 0) || double.IsInfinity(step))
        {
            throw new ArgumentOutOfRangeException(name, step, $"The {name} must be a positive, finite number of degrees.");
        }
    }
}
