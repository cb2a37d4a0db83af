namespace LeopardEm.Peaks;

/// <summary>A picked peak of the z-score map: row <paramref name="Y"/>, column <paramref name="X"/> of the map (the
/// template's top-left corner in the micrograph) and its z-score.</summary>
/// <param name="Y">Row in the map.</param>
/// <param name="X">Column in the map.</param>
/// <param name="ZScore">The z-score (scaled MIP) at the peak; the score of the picked map when
/// <see cref="PeakFinder"/> was given another score map.</param>
public readonly record struct Peak(int Y, int X, float ZScore);
