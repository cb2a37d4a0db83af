namespace LeopardEm.Peaks;

/// <summary>
/// The anisotropic Gaussian noise model of the p-value metric (Zhang et al. 2025; spec §12.3 steps 2–7), fitted to the
/// probit scores <c>x1</c> (z-score) and <c>x2</c> (MIP): major and minor standard deviations <see cref="A"/> ≥
/// <see cref="B"/> of the second-moment matrix (no mean subtraction), the major axis angle <see cref="W"/> and the
/// angular factor <see cref="Gamma"/>. The p-value of a point is the Gaussian mass beyond its ellipse inside the
/// quadrant: <c>p = exp(−r²/2) · γ/(2π)</c>, with <c>r</c> its distance in the whitened frame.
/// </summary>
public sealed class AnisotropicGaussian
{
    // Upstream clamps the axis lengths before dividing (torch.clamp(a, min=1e-12)).
    private const double MinimumAxis = 1e-12;

    private readonly double _cos;
    private readonly double _sin;
    private readonly double _logAngularMass;

    private AnisotropicGaussian(double a, double b, double w, double gamma)
    {
        A = a;
        B = b;
        W = w;
        Gamma = gamma;
        _cos = Math.Cos(w);
        _sin = Math.Sin(w);
        _logAngularMass = Math.Log(gamma / (2 * Math.PI));
    }

    /// <summary>Standard deviation along the major axis, √(larger eigenvalue).</summary>
    public double A { get; }

    /// <summary>Standard deviation along the minor axis, √(smaller eigenvalue).</summary>
    public double B { get; }

    /// <summary>Angle of the major axis from the z-score probit axis towards the MIP probit axis, radians.</summary>
    public double W { get; }

    /// <summary>γ = atan2(1, ½·sin 2w·(b/a − a/b)), radians: the angle the first quadrant spans once the ellipse is
    /// whitened, so γ/(2π) is the Gaussian's mass fraction there.</summary>
    public double Gamma { get; }

    /// <summary>Fits the model to probit scores.</summary>
    /// <param name="x1">Probit scores of the z-score map.</param>
    /// <param name="x2">Probit scores of the MIP map, same length.</param>
    public static AnisotropicGaussian Fit(ReadOnlySpan<double> x1, ReadOnlySpan<double> x2)
    {
        if (x1.Length != x2.Length || x1.Length == 0)
        {
            throw new ArgumentException("The two probit arrays must be non-empty and of equal length.", nameof(x2));
        }

        double s11 = 0, s12 = 0, s22 = 0;
        for (var i = 0; i < x1.Length; i++)
        {
            s11 += x1[i] * x1[i];
            s12 += x1[i] * x2[i];
            s22 += x2[i] * x2[i];
        }

        var n = (double)x1.Length;
        return FromEigen(SymmetricEigen2x2.Decompose(s11 / n, s12 / n, s22 / n));
    }

    /// <summary>Applies the spec's rules to an eigen-decomposition in NumPy's order and signs: the larger eigenvalue's
    /// vector becomes column 0 (columns swapped when <c>d[0] ≤ d[1]</c>), negated when both its components are
    /// negative, and <c>w = atan2(U[1,0], U[0,0])</c>. (The p-values do not depend on these choices: another sign
    /// turns w by π, leaving sin 2w and r² unchanged.)</summary>
    /// <param name="eigen">Eigenvalues and vectors of the second-moment matrix.</param>
    public static AnisotropicGaussian FromEigen(SymmetricEigen2x2 eigen)
    {
        var a = Math.Sqrt(Math.Max(eigen.Value0, eigen.Value1));
        var b = Math.Sqrt(Math.Min(eigen.Value0, eigen.Value1));
        var (u00, u10) = eigen.Value0 <= eigen.Value1 ? (eigen.U01, eigen.U11) : (eigen.U00, eigen.U10);
        if (u10 < 0 && u00 < 0)
        {
            (u00, u10) = (-u00, -u10);
        }

        var w = Math.Atan2(u10, u00);
        var gamma = Math.Atan2(1, 0.5 * Math.Sin(2 * w) * (b / a - a / b));
        return new AnisotropicGaussian(a, b, w, gamma);
    }

    /// <summary>Squared whitened radius r² of the probit point (x1, x2).</summary>
    /// <param name="x1">Probit of the z-score.</param>
    /// <param name="x2">Probit of the MIP.</param>
    public double RadiusSquared(double x1, double x2)
    {
        var major = (_cos * x1 + _sin * x2) / Math.Max(A, MinimumAxis);
        var minor = (-_sin * x1 + _cos * x2) / Math.Max(B, MinimumAxis);
        return major * major + minor * minor;
    }

    /// <summary>
    /// The score s = −ln p of the probit point (x1, x2): 0 outside <paramref name="quadrant"/> (p = 1), else
    /// r²/2 − ln(γ/2π). Computed from the logarithm directly, so it stays finite where p underflows.
    /// </summary>
    /// <param name="x1">Probit of the z-score.</param>
    /// <param name="x2">Probit of the MIP.</param>
    /// <param name="quadrant">Region where p can be below 1.</param>
    public double NegativeLogP(double x1, double x2, PValueQuadrant quadrant) =>
        InQuadrant(x1, x2, quadrant) ? 0.5 * RadiusSquared(x1, x2) - _logAngularMass : 0;

    /// <summary>The whitened radius² on the decision boundary s = <paramref name="cutoff"/> inside the quadrant:
    /// <c>2·(cutoff + ln(γ/2π))</c>; ≤ 0 means every point of the quadrant exceeds the cutoff.</summary>
    /// <param name="cutoff">Threshold on −ln p.</param>
    public double BoundaryRadiusSquared(double cutoff) => 2 * (cutoff + _logAngularMass);

    /// <summary>The probit point at whitened polar coordinates (radius, angle): the inverse of the rotation and scaling
    /// behind <see cref="RadiusSquared"/>, used to draw the decision boundary.</summary>
    /// <param name="radius">Whitened radius r.</param>
    /// <param name="angle">Whitened angle from the major axis, radians.</param>
    public (double X1, double X2) ProbitAt(double radius, double angle)
    {
        var major = radius * Math.Cos(angle) * A;
        var minor = radius * Math.Sin(angle) * B;
        return (_cos * major - _sin * minor, _sin * major + _cos * minor);
    }

    /// <summary>Whether (x1, x2) lies in the region of <paramref name="quadrant"/> (strict inequalities, as upstream).</summary>
    /// <param name="x1">Probit of the z-score.</param>
    /// <param name="x2">Probit of the MIP.</param>
    /// <param name="quadrant">The region.</param>
    public static bool InQuadrant(double x1, double x2, PValueQuadrant quadrant) => quadrant switch
    {
        PValueQuadrant.First => x1 > 0 && x2 > 0,
        PValueQuadrant.Three => x1 > 0 || x2 > 0,
        _ => throw new ArgumentOutOfRangeException(nameof(quadrant), quadrant, "The quadrant must be 1 (First) or 3 (Three)."),
    };
}
