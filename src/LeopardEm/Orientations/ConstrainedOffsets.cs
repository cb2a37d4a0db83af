namespace LeopardEm.Orientations;

/// <summary>
/// The relative orientations a constrained search tries for the constrained particle B (other_programs spec §5.3): raw
/// offsets (a spin about z and a tilt, see <see cref="RollGrid"/> and <see cref="OrientationGrid"/>) re-expressed about
/// the configured rotation axis, <c>R_rotated = R_axis · R(raw) · R_axisᵀ</c>, so the spin turns about
/// <c>R_axis·ẑ</c>. B is searched at <c>R(rotated) · R(A)</c>: the offset is applied on the left, i.e. in the reference
/// particle A's own frame, about the centre of A's box. Angles in degrees.
/// </summary>
public sealed class ConstrainedOffsets
{
    private readonly EulerAngles[] _raw;
    private readonly EulerAngles[] _rotated;

    private ConstrainedOffsets(EulerAngles[] raw, EulerAngles[] rotated, EulerAngles axis)
    {
        _raw = raw;
        _rotated = rotated;
        Axis = axis;
    }

    /// <summary>The offsets of a disabled orientation search: the identity only.</summary>
    public static ConstrainedOffsets None { get; } = new([EulerAngles.Zero], [EulerAngles.Zero], EulerAngles.Zero);

    /// <summary>Euler angles of the rotation axis: the raw grid's z axis is turned onto <c>R(Axis)·ẑ</c>.</summary>
    public EulerAngles Axis { get; }

    /// <summary>The offsets as generated, about z and y (reported as <c>original_offset_phi/theta/psi</c>).</summary>
    public IReadOnlyList<EulerAngles> Raw => _raw;

    /// <summary>The offsets about the rotation axis, <c>R_axis · R(raw) · R_axisᵀ</c> as Euler angles (theta in [0, 180],
    /// phi and psi in [−180, 180]); index i corresponds to <see cref="Raw"/>[i].</summary>
    public IReadOnlyList<EulerAngles> Rotated => _rotated;

    /// <summary>Number of offsets.</summary>
    public int Count => _raw.Length;

    /// <summary>Re-expresses <paramref name="raw"/> about the axis <paramref name="axis"/> (computed in double).</summary>
    /// <param name="raw">Raw offsets, at least one, degrees.</param>
    /// <param name="axis">Euler angles of the rotation axis, degrees.</param>
    public static ConstrainedOffsets AboutAxis(IReadOnlyList<EulerAngles> raw, EulerAngles axis)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Count == 0)
        {
            throw new ArgumentException("A constrained search needs at least one orientation offset.", nameof(raw));
        }

        var toAxis = axis.ToMatrix();
        var fromAxis = toAxis.Transpose();
        return new ConstrainedOffsets(
            [.. raw], [.. raw.Select(o => (toAxis * o.ToMatrix() * fromAxis).ToEuler())], axis);
    }

    /// <summary>The rotated offsets as the local grid the refine core searches, each applied on the left of the
    /// reference orientation (<c>R(offset) · R(A)</c>, <see cref="LocalGridConvention.Leopard"/>'s composition).</summary>
    public LocalOffsetGrid ToSearchGrid() => new(_rotated, LocalGridConvention.Leopard);
}
