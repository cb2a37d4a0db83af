namespace LeopardEm.Orientations;

/// <summary>
/// Orientation offsets for local refinement around a known orientation (Leopard-EM
/// <c>RefineOrientationConfig.euler_angles_offsets</c> via torch-so3 <c>get_local_high_resolution_angles</c>,
/// other_programs spec §1.2). Angles in degrees. An offset O is applied on the left: <c>R_new = R(O) · R(original)</c>.
/// </summary>
/// <remarks>
/// Reproduces upstream exactly, quirks included: the offsets are the global generator run with
/// psi step = fine psi step, theta step = fine theta step, phi in [−psiCoarse, +psiCoarse] (the <b>psi</b> coarse
/// step; phi steps are ignored), theta in [−thetaCoarse, +thetaCoarse], psi in [−psiCoarse, psiCoarse + 1e-6) so
/// that +psiCoarse is included. With the uniform grid every theta ring holds a single phi = −psiCoarse, so the set
/// is <c>Rz(−c_psi)·Ry(θ)·Rz(ψ)</c>: a tilt arc plus an asymmetric spin range, not the "disk" the upstream docs
/// describe. (1.5, 0.5, 2.5, 1.0) gives 6 thetas × 7 psis = 42 offsets; the defaults (1.5, 0.1, 2.5, 0.25) give 651.
/// </remarks>
public static class LocalOrientationOffsets
{
    /// <summary>Added to the psi upper bound so that +psiCoarse is part of the range (upstream constant).</summary>
    public const double PsiMaxEpsilon = 1e-6;

    /// <summary>The single identity offset used when orientation refinement is disabled.</summary>
    public static EulerAngles[] Disabled() => [EulerAngles.Zero];

    /// <summary>The ranges in degrees the offsets are drawn from (see the remarks on this type).</summary>
    /// <param name="psiStepCoarse">Coarse in-plane step of the original search, degrees.</param>
    /// <param name="thetaStepCoarse">Coarse out-of-plane step of the original search, degrees.</param>
    public static AngleRanges Ranges(double psiStepCoarse, double thetaStepCoarse) => new(
        -psiStepCoarse, psiStepCoarse, -thetaStepCoarse, thetaStepCoarse, -psiStepCoarse, psiStepCoarse + PsiMaxEpsilon);

    /// <summary>
    /// The offset list, ordered like <see cref="OrientationGrid"/> (psi outer, base grid inner); the identity is among
    /// them (theta 0 with psi = +psiCoarse cancels phi = −psiCoarse).
    /// </summary>
    /// <param name="psiStepCoarse">Coarse in-plane step, degrees (upstream default 1.5).</param>
    /// <param name="psiStepFine">Fine in-plane step, degrees (upstream default 0.1).</param>
    /// <param name="thetaStepCoarse">Coarse out-of-plane step, degrees (upstream default 2.5).</param>
    /// <param name="thetaStepFine">Fine out-of-plane step, degrees (upstream default 0.25).</param>
    /// <param name="method">
    /// Base grid; upstream's config allows uniform (default) and healpix, and healpix fails for fine steps below
    /// about 1.68 degrees ("No valid nside found").
    /// </param>
    public static EulerAngles[] Generate(
        double psiStepCoarse,
        double psiStepFine,
        double thetaStepCoarse,
        double thetaStepFine,
        BaseGridMethod method = BaseGridMethod.Uniform) =>
        OrientationGrid.Generate(psiStepFine, thetaStepFine, Ranges(psiStepCoarse, thetaStepCoarse), method);

    /// <summary>
    /// The refined orientation <c>R(offset) · R(original)</c> as Euler angles in degrees, wrapped as upstream reports
    /// them: <see cref="RotationMatrix.ToEuler"/> angles with 360 added to a negative phi or psi (so both lie in
    /// [0, 360]) and theta in [0, 180]. Computed in double precision.
    /// </summary>
    /// <param name="offset">Offset from <see cref="Generate"/>, degrees.</param>
    /// <param name="original">Orientation being refined, degrees.</param>
    public static EulerAngles Apply(EulerAngles offset, EulerAngles original) =>
        (offset.ToMatrix() * original.ToMatrix()).ToEuler().WrapToPositive();
}
