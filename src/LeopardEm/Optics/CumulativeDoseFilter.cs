using LeopardEm.Numerics;

namespace LeopardEm.Optics;

/// <summary>
/// The average radiation-damage attenuation of a structure exposed from <see cref="DoseStart"/> to
/// <see cref="DoseEnd"/> e⁻/Å² (Grant &amp; Grigorieff 2015), as ttsim3d applies it to simulated templates:
/// <c>D(k) = 2·Nₑ(k)·(exp(−start/(2Nₑ)) − exp(−end/(2Nₑ))) / end</c> at spatial frequency k in 1/Å, with the critical
/// exposure <c>Nₑ(k) = 0.245·k^−1.665 + 2.81</c> e⁻/Å² (or <c>4/(B_c·k²)</c> for a critical B-factor B_c ≥ 0).
/// The division by <c>end</c> rather than <c>end − start</c> is ttsim3d's; no voltage correction is applied.
/// </summary>
/// <param name="DoseStart">Exposure before the first frame, e⁻/Å² (≥ 0).</param>
/// <param name="DoseEnd">Total exposure at the end, e⁻/Å² (&gt; 0).</param>
/// <param name="CriticalBFactor">−1 for the Grant–Grigorieff critical exposure, otherwise a B-factor in Å² (≥ 0).</param>
/// <param name="Modifier">Transformation of D into the applied weight.</param>
public sealed record CumulativeDoseFilter(
    double DoseStart, double DoseEnd, double CriticalBFactor = -1, DoseFilterModifier Modifier = DoseFilterModifier.None)
{
    /// <summary>The critical-B value that selects the Grant–Grigorieff critical exposure curve.</summary>
    public const double GrantGrigorieff = -1;

    // ttsim3d clamps frequencies and exposures at this value to avoid dividing by zero.
    private const double Floor = 1e-10;

    /// <summary>Critical exposure Nₑ in e⁻/Å² at spatial frequency <paramref name="k"/> in 1/Å (k is clamped at 1e−10;
    /// Nₑ at 1e−10).</summary>
    public double CriticalExposure(double k)
    {
        k = Math.Max(k, Floor);
        var ne = CriticalBFactor == GrantGrigorieff
            ? 0.245 * Math.Pow(k, -1.665) + 2.81
            : 4.0 / (CriticalBFactor * k * k);
        return Math.Max(ne, Floor);
    }

    /// <summary>The applied weight (D after <see cref="Modifier"/>) at spatial frequency <paramref name="k"/> in 1/Å.</summary>
    public double Weight(double k)
    {
        var ne = CriticalExposure(k);

        // 2Nₑ(e^{−s/2Nₑ} − e^{−e/2Nₑ}) = −2Nₑ·e^{−s/2Nₑ}·expm1(−(e−s)/2Nₑ): exact for an infinite Nₑ (B_c = 0) too.
        var d = double.IsPositiveInfinity(ne)
            ? (DoseEnd - DoseStart) / DoseEnd
            : -2 * ne * Math.Exp(-DoseStart / (2 * ne)) * PreciseMath.ExpM1(-(DoseEnd - DoseStart) / (2 * ne)) / DoseEnd;
        return Modifier switch
        {
            DoseFilterModifier.Sqrt => Math.Sqrt(d),
            DoseFilterModifier.RelativeDifference => 1 - (1 - d) / Math.Max(1 + d, Floor),
            _ => d,
        };
    }
}
