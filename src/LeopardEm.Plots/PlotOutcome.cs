namespace LeopardEm.Plots;

/// <summary>What <see cref="PlotJob"/> drew.</summary>
/// <param name="Report">The maps, picks and cutoffs the figures show.</param>
/// <param name="WrittenFiles">Files written, in order.</param>
public sealed record PlotOutcome(PickingReportInput Report, IReadOnlyList<string> WrittenFiles);
