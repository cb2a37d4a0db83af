namespace LeopardEm.Orientations;

/// <summary>
/// The local orientation grid of refinement as Leopard-EM documents it ("angles sampled from [−coarse, +coarse] in
/// increments of fine", for phi, theta and psi alike), made well defined at every orientation. An offset
/// <c>(δφ, δθ, δψ)</c> (degrees) moves the orientation <c>(φ, θ, ψ)</c> to
/// <c>R = Rz(φ) · Ry(θ + δθ) · Rx(−δφ) · Rz(ψ + δψ)</c>:
/// δθ and δψ change theta and psi exactly; δφ tilts the viewing direction <c>R·ẑ</c> by δφ along its circle of
/// latitude (towards increasing phi), which on the equator is exactly a phi change of δφ and near the poles stays a
/// tilt of δφ instead of collapsing into a spin. Offsets δ and −δ lie on opposite sides of the orientation, the zero
/// offset is the orientation itself, and the grid is the same at every orientation (the product of the three ranges).
/// </summary>
/// <remarks>
/// Leopard-EM's own grid (<see cref="LocalOrientationOffsets"/>) ignores the phi settings and searches a tilt about a
/// single axis and the spin range [−2·psiCoarse, 0], so it cannot reach orientations on one side of the start or
/// tilted about the other axis; see docs/differences-from-leopard-em.md.
/// </remarks>
public static class SymmetricLocalOffsets
{
    /// <summary>Largest grid <see cref="Generate"/> builds; far beyond a sensible refinement.</summary>
    public const int MaxCount = 1_000_000;

    // Tolerates coarse/fine ratios such as 2.5/0.25 that are integers up to floating-point noise.
    private const double RatioTolerance = 1e-9;

    /// <summary>
    /// The values of one angle: <c>k·fine</c> for <c>k = −K..K</c>, <c>K = floor(coarse/fine)</c>, so ±coarse is
    /// included when it is a multiple of the fine step; <c>[0]</c> when <paramref name="coarse"/> is 0 (the angle is
    /// not searched).
    /// </summary>
    /// <param name="coarse">Half-width of the range, degrees, ≥ 0.</param>
    /// <param name="fine">Step, degrees; &gt; 0 unless <paramref name="coarse"/> is 0.</param>
    /// <exception cref="ArgumentException">A negative or non-finite value, a zero step for a non-zero range, or more
    /// than <see cref="MaxCount"/> values.</exception>
    public static double[] Values(double coarse, double fine)
    {
        if (!double.IsFinite(coarse) || !double.IsFinite(fine) || coarse < 0 || fine < 0)
        {
            throw new ArgumentException($"Local search ranges and steps must be finite and non-negative (range {coarse}, step {fine}).");
        }

        if (coarse > 0 && fine == 0)
        {
            throw new ArgumentException($"A step of 0 cannot cover the range ±{coarse} degrees.");
        }

        var count = ValueCount(coarse, fine);
        if (count > MaxCount)
        {
            throw new ArgumentException($"The range ±{coarse} degrees in steps of {fine} has more than {MaxCount} values.");
        }

        var k = (int)(count / 2);
        var values = new double[2 * k + 1];
        for (var i = -k; i <= k; i++)
        {
            values[i + k] = i * fine;
        }

        return values;
    }

    /// <summary>Number of values <see cref="Values"/> returns: <c>2·floor(coarse/fine) + 1</c>, or 1 when
    /// <paramref name="coarse"/> is 0 (arguments as there, unchecked).</summary>
    public static long ValueCount(double coarse, double fine) =>
        coarse == 0 ? 1 : 2 * (long)Math.Min(Math.Floor(coarse / fine + RatioTolerance), long.MaxValue / 4) + 1;

    /// <summary>
    /// Every offset <c>(δφ, δθ, δψ)</c> of the product of the three ranges (see <see cref="Values"/>), psi outermost and
    /// phi innermost, as <see cref="EulerAngles"/> holding the offsets (not orientations).
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Values"/>, or a product of more than <see cref="MaxCount"/>.</exception>
    public static EulerAngles[] Generate(
        double phiCoarse, double phiFine, double thetaCoarse, double thetaFine, double psiCoarse, double psiFine)
    {
        var phi = Values(phiCoarse, phiFine);
        var theta = Values(thetaCoarse, thetaFine);
        var psi = Values(psiCoarse, psiFine);
        var count = (long)phi.Length * theta.Length * psi.Length;
        if (count > MaxCount)
        {
            throw new ArgumentException($"The local grid would have {count} offsets (limit {MaxCount}); use larger fine steps.");
        }

        var offsets = new EulerAngles[count];
        var next = 0;
        foreach (var dPsi in psi)
        {
            foreach (var dTheta in theta)
            {
                foreach (var dPhi in phi)
                {
                    offsets[next++] = new EulerAngles(dPhi, dTheta, dPsi);
                }
            }
        }

        return offsets;
    }

    /// <summary>The orientation <paramref name="original"/> moved by <paramref name="offset"/> (see the type
    /// summary), in double precision.</summary>
    /// <param name="offset">(δφ, δθ, δψ), degrees.</param>
    /// <param name="original">The orientation being refined, degrees (ZYZ).</param>
    public static RotationMatrix Compose(EulerAngles offset, EulerAngles original) =>
        RotationMatrix.RotationZ(original.Phi)
        * RotationMatrix.RotationY(original.Theta + offset.Theta)
        * RotationMatrix.RotationX(-offset.Phi)
        * RotationMatrix.RotationZ(original.Psi + offset.Psi);
}
