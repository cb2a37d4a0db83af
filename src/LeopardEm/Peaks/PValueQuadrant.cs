namespace LeopardEm.Peaks;

/// <summary>
/// Which part of the probit (z-score, MIP) plane the p-value metric can call significant (spec §12.3 step 6; the
/// numeric values are Leopard-EM's <c>quadrant</c> argument). Elsewhere p = 1.
/// </summary>
public enum PValueQuadrant
{
    /// <summary>Both probits positive (z-score and MIP both above their medians): Leopard-EM's default, q = 1.</summary>
    First = 1,

    /// <summary>At least one probit positive, q = 3.</summary>
    Three = 3,
}
