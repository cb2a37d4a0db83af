namespace LeopardEm.Search;

/// <summary>
/// A scored match of a local search. The better of two candidates has the higher z-score; equal z-scores go to the
/// lower (offset, pixel-size plane, defocus plane, row, column), so results do not depend on how work was split.
/// </summary>
internal readonly record struct RefineCandidate(float Z, float Cc, int Offset, int PixelPlane, int DefocusPlane, int Y, int X)
{
    /// <summary>No candidate yet: loses to every scored candidate.</summary>
    public static RefineCandidate None => new(float.NegativeInfinity, float.NaN, -1, 0, 0, 0, 0);

    public bool IsNone => Offset < 0;

    public RefineCandidate Better(in RefineCandidate other)
    {
        if (other.IsNone)
        {
            return this;
        }

        if (IsNone || other.Z > Z)
        {
            return other;
        }

        return other.Z == Z && Key.CompareTo(other.Key) > 0 ? other : this;
    }

    private (int, int, int, int, int) Key => (Offset, PixelPlane, DefocusPlane, Y, X);
}
