using LeopardEm.Orientations;

namespace LeopardEm.Search;

/// <summary>
/// The best match of one particle's local search (spec §3.3): the (offset, defocus, pixel size, position) with the
/// highest z-score <c>(CC − mean)/std</c> against the full search's statistics, and that match's CC. When no position
/// could be scored (standard deviation ≤ 0 everywhere), <see cref="ZScore"/> and <see cref="CrossCorrelation"/> are
/// NaN and the offsets 0.
/// </summary>
/// <param name="OffsetIndex">Index of the best orientation offset in the search's grid.</param>
/// <param name="Offset">The best orientation offset, degrees.</param>
/// <param name="Orientation">The refined orientation, degrees (ZYZ), phi and psi in [0, 360).</param>
/// <param name="DefocusOffset">Best defocus offset, Å.</param>
/// <param name="PixelSizeOffset">Best pixel-size offset, Å.</param>
/// <param name="ShiftY">Move of the template's top-left corner, rows (pixels).</param>
/// <param name="ShiftX">Move of the template's top-left corner, columns (pixels).</param>
/// <param name="CrossCorrelation">Cross-correlation of the best match (MIP units).</param>
/// <param name="ZScore">z-score of the best match.</param>
public sealed record ParticleRefinement(
    int OffsetIndex,
    EulerAngles Offset,
    EulerAngles Orientation,
    float DefocusOffset,
    float PixelSizeOffset,
    int ShiftY,
    int ShiftX,
    float CrossCorrelation,
    float ZScore);
