namespace LeopardEm.Programs;

/// <summary>Which pass of optimize_template evaluated a candidate template.</summary>
public enum OptimizationStage
{
    /// <summary>The coarse pixel-size pass (offsets from <c>simulator.pixel_spacing</c>).</summary>
    Coarse,

    /// <summary>The fine pixel-size pass (offsets from the best coarse pixel size).</summary>
    Fine,

    /// <summary>The B-factor scan at the chosen pixel size.</summary>
    BFactor,
}
