using LeopardEm.Numerics;

namespace LeopardEm.Orientations;

/// <summary>
/// The global orientation list of match_template (torch-so3 <c>get_uniform_euler_angles</c>, spec §6.3): a base
/// grid of (phi, theta) points crossed with in-plane angles psi. All angles in degrees, generated in double precision.
/// </summary>
/// <remarks>
/// Ordering: psi is the outer (slow) loop and the base grid the inner (fast) loop, so row
/// <c>o = iPsi · B + iBase</c> is <c>(phi[iBase], theta[iBase], psi[iPsi])</c> with B the base grid size. This index
/// is what the search records as the orientation of a match. The default (psi 1.5, theta 2.5, C1, uniform) has
/// 6602 × 240 = 1,584,480 rows, including 480 duplicate φ = 360 rows that upstream also has.
/// </remarks>
public static class OrientationGrid
{
    /// <summary>The orientation list for <paramref name="sampling"/> (ranges from <see cref="OrientationSampling.ResolveRanges"/>).</summary>
    /// <exception cref="ArgumentException">Invalid symmetry, steps or ranges (messages say which).</exception>
    public static EulerAngles[] Generate(OrientationSampling sampling)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        return Generate(sampling.PsiStep, sampling.ThetaStep, sampling.ResolveRanges(), sampling.BaseGrid);
    }

    /// <summary>
    /// Number of rows <see cref="Generate(OrientationSampling)"/> would return, without building the list (the base
    /// grid is still built for HEALPix and cartesian grids, which are small).
    /// </summary>
    public static long Count(OrientationSampling sampling)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        AngleRanges ranges = sampling.ResolveRanges();
        long baseCount = sampling.BaseGrid == BaseGridMethod.Uniform
            ? UniformGrid.Count(sampling.ThetaStep, ranges.ThetaMin, ranges.ThetaMax, ranges.PhiMin, ranges.PhiMax)
            : BaseGrid(sampling.ThetaStep, ranges, sampling.BaseGrid).Length;
        return baseCount * PsiValues(sampling.PsiStep, ranges.PsiMin, ranges.PsiMax).Length;
    }

    /// <summary>
    /// Concatenation, in order, of the lists of several samplings (upstream <c>MultipleOrientationConfig</c>);
    /// duplicates are kept.
    /// </summary>
    public static EulerAngles[] Generate(IEnumerable<OrientationSampling> samplings)
    {
        ArgumentNullException.ThrowIfNull(samplings);
        var all = new List<EulerAngles>();
        foreach (OrientationSampling sampling in samplings)
        {
            all.AddRange(Generate(sampling));
        }

        return [.. all];
    }

    /// <summary>The orientation list for explicit ranges.</summary>
    /// <param name="psiStep">In-plane step in degrees (positive; unused when <c>PsiMin ≥ PsiMax</c>).</param>
    /// <param name="thetaStep">Out-of-plane step in degrees, positive.</param>
    /// <param name="ranges">Bounds in degrees.</param>
    /// <param name="method">Base grid construction.</param>
    public static EulerAngles[] Generate(double psiStep, double thetaStep, AngleRanges ranges, BaseGridMethod method)
    {
        SpherePoint[] baseGrid = BaseGrid(thetaStep, ranges, method);
        double[] psi = PsiValues(psiStep, ranges.PsiMin, ranges.PsiMax);
        return Combine(baseGrid, psi);
    }

    /// <summary>The (phi, theta) base grid in degrees for <paramref name="method"/>.</summary>
    /// <param name="thetaStep">Out-of-plane step in degrees, positive.</param>
    /// <param name="ranges">Bounds in degrees; the psi bounds are not used here.</param>
    /// <param name="method">Base grid construction.</param>
    public static SpherePoint[] BaseGrid(double thetaStep, AngleRanges ranges, BaseGridMethod method) => method switch
    {
        BaseGridMethod.Uniform => UniformGrid.Generate(
            thetaStep, ranges.ThetaMin, ranges.ThetaMax, ranges.PhiMin, ranges.PhiMax),
        BaseGridMethod.Healpix => HealpixGrid.Generate(
            thetaStep, ranges.ThetaMin, ranges.ThetaMax, ranges.PhiMin, ranges.PhiMax),
        BaseGridMethod.Cartesian => CartesianGrid.Generate(
            thetaStep, CartesianGrid.DefaultPhiStep, ranges.ThetaMin, ranges.ThetaMax, ranges.PhiMin, ranges.PhiMax),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown base grid method."),
    };

    /// <summary>
    /// In-plane angles in degrees: <c>[psiMin]</c> when <c>psiMin ≥ psiMax</c>, otherwise
    /// <c>psiMin + i·psiStep</c> for i = 0 … ceil((psiMax − psiMin)/psiStep) − 1 (torch <c>arange</c>, psiMax excluded).
    /// </summary>
    /// <param name="psiStep">Step in degrees; must be positive unless the range is a single value.</param>
    /// <param name="psiMin">First value, degrees.</param>
    /// <param name="psiMax">Exclusive upper bound, degrees.</param>
    public static double[] PsiValues(double psiStep, double psiMin, double psiMax)
    {
        if (!double.IsFinite(psiMin) || !double.IsFinite(psiMax))
        {
            throw new ArgumentException($"Psi bounds must be finite ({psiMin}..{psiMax} degrees).");
        }

        if (psiMin >= psiMax)
        {
            return [psiMin];
        }

        GridArguments.RequirePositiveStep(psiStep, nameof(psiStep));
        return Arange.Torch(psiMin, psiMax, psiStep);
    }

    /// <summary>Crosses a base grid with in-plane angles, psi outer and base grid inner (see the remarks on this type).</summary>
    public static EulerAngles[] Combine(ReadOnlySpan<SpherePoint> baseGrid, ReadOnlySpan<double> psiValues)
    {
        var angles = new EulerAngles[checked(baseGrid.Length * psiValues.Length)];
        int next = 0;
        foreach (double psi in psiValues)
        {
            foreach (SpherePoint point in baseGrid)
            {
                angles[next++] = new EulerAngles(point.Phi, point.Theta, psi);
            }
        }

        return angles;
    }

    /// <summary>
    /// The list as float32 triplets (phi, theta, psi) row-major, length 3·M: upstream casts the orientation list to
    /// float32 before the search, so these are the angles the search uses and writes into its angle maps.
    /// </summary>
    public static float[] ToSingleArray(ReadOnlySpan<EulerAngles> angles)
    {
        var values = new float[checked(angles.Length * 3)];
        for (int i = 0; i < angles.Length; i++)
        {
            values[3 * i] = (float)angles[i].Phi;
            values[3 * i + 1] = (float)angles[i].Theta;
            values[3 * i + 2] = (float)angles[i].Psi;
        }

        return values;
    }
}
