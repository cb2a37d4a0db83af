using LeopardEm.Numerics;

namespace LeopardEm.Orientations;

/// <summary>
/// The "cartesian" base grid: every (phi, theta) pair of two plain ranges (torch-so3 <c>cartesian_base_grid</c>,
/// spec §6.6). Degrees throughout. Oversamples the poles; mainly useful for tests and special cases.
/// </summary>
public static class CartesianGrid
{
    /// <summary>Phi step in degrees that upstream uses, since Leopard-EM does not expose one.</summary>
    public const double DefaultPhiStep = 2.5;

    /// <summary>
    /// Rows (phi_i, theta_j) with phi as the outer (slow) loop and theta inner, where
    /// <c>phi = arange(phiMin, phiMax, phiStep)</c> and <c>theta = arange(thetaMin, thetaMax, thetaStep)</c>
    /// (torch semantics: value i is <c>min + i·step</c>, both maxima excluded).
    /// </summary>
    /// <param name="thetaStep">Theta step in degrees, positive.</param>
    /// <param name="phiStep">Phi step in degrees, positive.</param>
    /// <param name="thetaMin">Lower theta bound, degrees (inclusive).</param>
    /// <param name="thetaMax">Upper theta bound, degrees (exclusive).</param>
    /// <param name="phiMin">Lower phi bound, degrees (inclusive).</param>
    /// <param name="phiMax">Upper phi bound, degrees (exclusive).</param>
    /// <exception cref="ArgumentException">A non-positive step, a non-finite bound or a maximum below its minimum.</exception>
    public static SpherePoint[] Generate(
        double thetaStep,
        double phiStep = DefaultPhiStep,
        double thetaMin = 0.0,
        double thetaMax = 180.0,
        double phiMin = 0.0,
        double phiMax = 360.0)
    {
        GridArguments.RequirePositiveStep(thetaStep, nameof(thetaStep));
        GridArguments.RequirePositiveStep(phiStep, nameof(phiStep));
        GridArguments.RequireFinite(thetaMin, thetaMax, phiMin, phiMax);
        double[] phis = Arange.Torch(phiMin, phiMax, phiStep);
        double[] thetas = Arange.Torch(thetaMin, thetaMax, thetaStep);
        var points = new SpherePoint[checked(phis.Length * thetas.Length)];
        int next = 0;
        foreach (double phi in phis)
        {
            foreach (double theta in thetas)
            {
                points[next++] = new SpherePoint(phi, theta);
            }
        }

        return points;
    }
}
