namespace LeopardEm.Orientations;

/// <summary>
/// One orientation as Euler angles in <b>degrees</b>, ZYZ <b>intrinsic</b> convention (roma <c>"ZYZ"</c>):
/// <c>R = Rz(Phi) · Ry(Theta) · Rz(Psi)</c> with right-handed active rotation matrices. Stored in the upstream column
/// order (phi, theta, psi); psi is the in-plane angle.
/// </summary>
/// <param name="Phi">First rotation about z, in degrees.</param>
/// <param name="Theta">Rotation about the new y axis, in degrees (out-of-plane tilt).</param>
/// <param name="Psi">Last rotation about the new z axis, in degrees (in-plane angle).</param>
public readonly record struct EulerAngles(double Phi, double Theta, double Psi)
{
    /// <summary>The identity orientation (0, 0, 0).</summary>
    public static EulerAngles Zero => default;

    /// <summary>The rotation matrix <c>Rz(Phi) · Ry(Theta) · Rz(Psi)</c> in double precision.</summary>
    public RotationMatrix ToMatrix() => RotationMatrix.FromEuler(this);

    /// <summary>
    /// Angles that reproduce <paramref name="matrix"/> (roma <c>rotmat_to_euler("ZYZ")</c>): theta in [0, 180],
    /// phi and psi in [-180, 180]; at gimbal lock psi = 0. See <see cref="RotationMatrix.ToEuler"/>.
    /// </summary>
    /// <param name="matrix">A proper rotation matrix.</param>
    public static EulerAngles FromMatrix(in RotationMatrix matrix) => matrix.ToEuler();

    /// <summary>
    /// The angles as Leopard-EM reports refined orientations: 360 added to a negative phi or psi and 180 to a negative
    /// theta, so that angles from <see cref="RotationMatrix.ToEuler"/> come out with phi and psi in [0, 360].
    /// </summary>
    public EulerAngles WrapToPositive() => new(
        Phi < 0 ? Phi + 360 : Phi,
        Theta < 0 ? Theta + 180 : Theta,
        Psi < 0 ? Psi + 360 : Psi);

    /// <summary>
    /// The same angles rounded to float32 (and widened back), i.e. the values the search uses after upstream's
    /// cast of the orientation list to float32.
    /// </summary>
    public EulerAngles RoundToSingle() => new((float)Phi, (float)Theta, (float)Psi);
}
