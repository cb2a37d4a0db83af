using LeopardEm.Numerics;

namespace LeopardEm.Orientations;

/// <summary>
/// The default "uniform" (Hopf-fibration-style) base grid on the sphere, torch-so3 <c>uniform_base_grid</c>
/// (spec §6.2). All inputs and outputs are in degrees; the arithmetic is IEEE double with NumPy's <c>arange</c> and
/// half-to-even <c>round</c>, step for step, because the point counts depend on it.
/// </summary>
/// <remarks>
/// Rings sit at <c>theta = arange(thetaMin, thetaMax + thetaStep, thetaStep)</c> (so the last ring can overshoot
/// <c>thetaMax</c> by less than a step). On a ring at polar angle θ the raw phi step is
/// <c>|step / (sin θ + 1e-6)|</c> (radians), capped at the phi span, then snapped to
/// <c>span / round(span / raw)</c>; phi runs over <c>arange(phiMin, phiMax, snapped)</c>, which for some rings yields
/// one extra value equal to phiMax (for the default 2.5 degree grid: θ = 25 and 155 degrees get a φ = 360 row that
/// duplicates φ = 0). That artefact is reproduced on purpose (spec §16 item 5).
/// </remarks>
public static class UniformGrid
{
    // Keeps the ring step finite at the poles, where sin(theta) is 0 (upstream constant).
    private const double SinOffset = 1e-6;

    /// <summary>
    /// Base grid points (phi, theta) in degrees, rings in increasing theta order, phi increasing within a ring.
    /// </summary>
    /// <param name="thetaStep">Ring spacing in degrees, positive; also the target phi spacing on the equator.</param>
    /// <param name="thetaMin">First ring, degrees.</param>
    /// <param name="thetaMax">Last ring, degrees (inclusive, may be overshot by less than a step).</param>
    /// <param name="phiMin">Phi lower bound, degrees (inclusive).</param>
    /// <param name="phiMax">Phi upper bound, degrees (exclusive up to the rounding artefact described above).</param>
    /// <exception cref="ArgumentException">A non-finite bound, a non-positive step, or an empty theta range.</exception>
    public static SpherePoint[] Generate(
        double thetaStep, double thetaMin = 0.0, double thetaMax = 180.0, double phiMin = 0.0, double phiMax = 360.0)
    {
        Ring[] rings = Plan(thetaStep, thetaMin, thetaMax, phiMin, phiMax, out double phiMinRad, out double phiMaxRad);
        long total = 0;
        foreach (Ring ring in rings)
        {
            total += ring.Count;
        }

        var points = new SpherePoint[checked((int)total)];
        int next = 0;
        foreach (Ring ring in rings)
        {
            double thetaDeg = Angles.RadToDeg(ring.ThetaRad);
            if (ring.Count == 1)
            {
                // Single-value rings come from either branch upstream; arange's element 0 is phiMin as well.
                points[next++] = new SpherePoint(Angles.RadToDeg(phiMinRad), thetaDeg);
                continue;
            }

            foreach (double phi in Arange.NumPy(phiMinRad, phiMaxRad, ring.PhiStepRad))
            {
                points[next++] = new SpherePoint(Angles.RadToDeg(phi), thetaDeg);
            }
        }

        return points;
    }

    /// <summary>
    /// Number of phi values on each ring, in ring order (same parameters as <see cref="Generate"/>). For the default
    /// 2.5 degree grid: 73 rings, 1, 6, 13, …, 6, 1, total 6602.
    /// </summary>
    public static int[] RingSizes(
        double thetaStep, double thetaMin = 0.0, double thetaMax = 180.0, double phiMin = 0.0, double phiMax = 360.0)
    {
        Ring[] rings = Plan(thetaStep, thetaMin, thetaMax, phiMin, phiMax, out _, out _);
        var sizes = new int[rings.Length];
        for (int i = 0; i < rings.Length; i++)
        {
            sizes[i] = rings[i].Count;
        }

        return sizes;
    }

    /// <summary>Total number of base grid points without building them (same parameters as <see cref="Generate"/>).</summary>
    public static long Count(
        double thetaStep, double thetaMin = 0.0, double thetaMax = 180.0, double phiMin = 0.0, double phiMax = 360.0)
    {
        long total = 0;
        foreach (Ring ring in Plan(thetaStep, thetaMin, thetaMax, phiMin, phiMax, out _, out _))
        {
            total += ring.Count;
        }

        return total;
    }

    private static Ring[] Plan(
        double thetaStep,
        double thetaMin,
        double thetaMax,
        double phiMin,
        double phiMax,
        out double phiMinRad,
        out double phiMaxRad)
    {
        GridArguments.RequirePositiveStep(thetaStep, nameof(thetaStep));
        GridArguments.RequireFinite(thetaMin, thetaMax, phiMin, phiMax);

        double stepRad = Angles.DegToRad(thetaStep);
        phiMinRad = Angles.DegToRad(phiMin);
        phiMaxRad = Angles.DegToRad(phiMax);
        double span = phiMaxRad - phiMinRad;

        double[] thetaDeg = Arange.NumPy(thetaMin, thetaMax + thetaStep, thetaStep);
        if (thetaDeg.Length == 0)
        {
            throw new ArgumentException(
                $"The theta range {thetaMin}..{thetaMax} degrees with step {thetaStep} contains no rings.");
        }

        var rings = new Ring[thetaDeg.Length];
        for (int i = 0; i < thetaDeg.Length; i++)
        {
            double theta = Angles.DegToRad(thetaDeg[i]);
            double step = Math.Min(Math.Abs(stepRad / (Math.Sin(theta) + SinOffset)), span);
            step = span > 0.0 ? span / Math.Round(span / step, MidpointRounding.ToEven) : 0.0;
            int count = phiMinRad >= phiMaxRad || step <= 0.0 ? 1 : Arange.NumPyLength(phiMinRad, phiMaxRad, step);
            rings[i] = new Ring(theta, step, count);
        }

        return rings;
    }

    private readonly record struct Ring(double ThetaRad, double PhiStepRad, int Count);
}
