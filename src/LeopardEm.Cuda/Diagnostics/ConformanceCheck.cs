namespace LeopardEm.Cuda.Diagnostics;

/// <summary>One comparison of the device path with the CPU code.</summary>
/// <param name="Name">What was compared, e.g. "search.mip".</param>
/// <param name="Error">The measured discrepancy, in the unit <paramref name="Detail"/> states.</param>
/// <param name="Tolerance">The largest discrepancy accepted.</param>
/// <param name="Detail">What <paramref name="Error"/> measures and on which inputs.</param>
public sealed record ConformanceCheck(string Name, double Error, double Tolerance, string Detail)
{
    /// <summary>True when <see cref="Error"/> is within <see cref="Tolerance"/> (NaN fails).</summary>
    public bool Passed => Error <= Tolerance;

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"{(Passed ? "pass" : "FAIL")} {Name}: {Error:G3} (tolerance {Tolerance:G3}) — {Detail}");
}
