namespace LeopardEm.Cuda.Refine;

/// <summary>
/// The best match of one particle's local search on the device: the highest z-score <c>(CC − mean)/std</c> over every
/// orientation offset, plane and crop position; equal z-scores go to the lowest (offset, plane, row, column), the
/// rule of the CPU refinement, so results do not depend on batching.
/// </summary>
/// <param name="Z">z-score of the match (−∞ when none could be scored).</param>
/// <param name="Cc">Cross-correlation of the match (NaN when none).</param>
/// <param name="Offset">Index of the orientation offset in the search's grid (−1 when none).</param>
/// <param name="Plane">Projective-filter plane, pixel-size offset index · D + defocus offset index.</param>
/// <param name="Y">Crop row of the template's top-left corner, pixels.</param>
/// <param name="X">Crop column of the template's top-left corner, pixels.</param>
public readonly record struct DeviceRefineBest(float Z, float Cc, int Offset, int Plane, int Y, int X)
{
    /// <summary>No match scored: every crop position had a standard deviation ≤ 0.</summary>
    public static DeviceRefineBest None => new(float.NegativeInfinity, float.NaN, -1, 0, 0, 0);

    /// <summary>True when nothing could be scored.</summary>
    public bool IsNone => Offset < 0;

    /// <summary>The better of this and <paramref name="other"/> (matches of disjoint parts of one particle's search):
    /// the higher z-score, equal ones to the lower (offset, plane, row, column).</summary>
    public DeviceRefineBest Better(DeviceRefineBest other)
    {
        if (other.IsNone)
        {
            return this;
        }

        if (IsNone || other.Z > Z)
        {
            return other;
        }

        return other.Z == Z && (other.Offset, other.Plane, other.Y, other.X).CompareTo((Offset, Plane, Y, X)) < 0 ? other : this;
    }
}
