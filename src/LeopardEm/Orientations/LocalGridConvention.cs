namespace LeopardEm.Orientations;

/// <summary>Which set of orientation offsets a local refinement searches around each particle.</summary>
public enum LocalGridConvention
{
    /// <summary>
    /// The default: every configured range is searched, symmetrically about the current orientation, in the particle's
    /// own frame (see <see cref="SymmetricLocalOffsets"/>).
    /// </summary>
    Symmetric,

    /// <summary>
    /// Leopard-EM's offsets, composed on the left (see <see cref="LocalOrientationOffsets"/>): a tilt arc about one
    /// axis and a one-sided spin range; the phi settings are ignored. For comparisons with Leopard-EM.
    /// </summary>
    Leopard,
}
