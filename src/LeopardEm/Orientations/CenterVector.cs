namespace LeopardEm.Orientations;

/// <summary>
/// The vector from the reference particle A's centre to the constrained particle B's centre in A's own frame (A at
/// orientation (0, 0, 0)), in Å (upstream <c>center_vector</c>, components x, y, z as the volume's column, row and
/// section axes).
/// </summary>
/// <param name="X">x component, Å.</param>
/// <param name="Y">y component, Å.</param>
/// <param name="Z">z component, Å.</param>
public readonly record struct CenterVector(double X, double Y, double Z)
{
    /// <summary>The zero vector (B centred on A; Leopard-EM's default).</summary>
    public static CenterVector Zero => default;

    /// <summary>
    /// The vector in the image frame when A has orientation <paramref name="orientation"/>: <c>Rᵀ · c</c>. The projector
    /// samples the volume at <c>R · (x, y, t)</c> (<see cref="Projection.FourierSlicer"/>), so a point c of the volume
    /// appears at image offset <c>((Rᵀc)_x, (Rᵀc)_y)</c> from the box centre and at depth <c>(Rᵀc)_z</c> along the beam.
    /// </summary>
    /// <param name="orientation">A's orientation, degrees (ZYZ).</param>
    public CenterVector InImageFrame(EulerAngles orientation)
    {
        var r = orientation.ToMatrix();
        return new CenterVector(
            r.M00 * X + r.M10 * Y + r.M20 * Z,
            r.M01 * X + r.M11 * Y + r.M21 * Z,
            r.M02 * X + r.M12 * Y + r.M22 * Z);
    }

    /// <summary>B's depth relative to A at A's orientation <paramref name="orientation"/>, Å: <c>(Rᵀc)_z</c> (see
    /// <see cref="InImageFrame"/>). B's defocus is A's minus this depth.</summary>
    /// <param name="orientation">A's orientation, degrees (ZYZ).</param>
    public double DepthAt(EulerAngles orientation) => InImageFrame(orientation).Z;
}
