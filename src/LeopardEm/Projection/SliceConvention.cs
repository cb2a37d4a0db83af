namespace LeopardEm.Projection;

/// <summary>How central slices are computed from Euler angles.</summary>
public enum SliceConvention
{
    /// <summary>
    /// Exact rotation matrices (double precision rounded to float32) and, for frequencies that rotate onto the
    /// x' = 0 plane of the half spectrum (|x'| &lt; 1e-8), sampling on that plane. The default.
    /// </summary>
    Exact,

    /// <summary>
    /// Leopard-EM's arithmetic, to reproduce its numbers: rotation matrices from roma's float32 quaternion path (entries
    /// that are zero in exact arithmetic carry ~1e-8 residues) and the extractor as upstream, where a frequency whose
    /// rotated x' rounds to a tiny negative value without being conjugated falls outside the half spectrum and is set
    /// to zero. That drops low-frequency components along a line of the slice for many "round" orientations
    /// (e.g. psi 90 or 270 with theta 30 or 150, theta 90 with phi 0 or 180); see docs/differences-from-leopard-em.md.
    /// </summary>
    Leopard,
}
