using LeopardEm.Imaging;
using LeopardEm.Peaks;

namespace LeopardEm.Plots;

/// <summary>What <see cref="PickingReport"/> draws.</summary>
/// <param name="Mip">The MIP map.</param>
/// <param name="ZScores">The z-score map, same shape.</param>
/// <param name="Result">What <see cref="ParticlePicker.Pick"/> returned for these maps (its picks are the ones
/// shown).</param>
/// <param name="Options">The options it was given (cutoffs, quadrant, GEV window, correlations per pixel).</param>
/// <param name="TemplateSize">Template box N, pixels (positions of particle centres).</param>
/// <param name="Refinement">z-scores per particle before and after refinement, in pick order, for figure (d); null =
/// no (d).</param>
public sealed record PickingReportInput(
    Image2D Mip,
    Image2D ZScores,
    PickingResult Result,
    PickingOptions Options,
    int TemplateSize,
    (IReadOnlyList<double> Before, IReadOnlyList<double> After)? Refinement = null);
