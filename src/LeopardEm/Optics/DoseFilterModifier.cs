namespace LeopardEm.Optics;

/// <summary>How a cumulative dose filter D is turned into the applied weight (ttsim3d
/// <c>dose_filter_modify_signal</c>).</summary>
public enum DoseFilterModifier
{
    /// <summary><c>"None"</c>: the weight is D.</summary>
    None,

    /// <summary><c>"sqrt"</c>: the weight is √D.</summary>
    Sqrt,

    /// <summary><c>"rel_diff"</c>: the weight is 1 − (1 − D)/(1 + D) = 2D/(1 + D).</summary>
    RelativeDifference,
}
