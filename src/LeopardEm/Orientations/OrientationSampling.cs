namespace LeopardEm.Orientations;

/// <summary>
/// Everything that defines a global orientation search, in degrees, mirroring upstream
/// <c>OrientationSearchConfig</c> (spec §1.6) without its YAML concerns; the settings layer maps onto this.
/// Defaults are upstream's: psi step 1.5, theta step 2.5, uniform base grid, symmetry "C1" (1,584,480 orientations).
/// </summary>
/// <remarks>
/// Range resolution (<see cref="ResolveRanges"/>) follows upstream generation: a non-null <see cref="Symmetry"/>
/// decides all six bounds and the explicit bounds are ignored; with a null symmetry each null bound takes its full
/// sphere default (phi 0..360, theta 0..180, psi 0..360). Upstream's validation additionally rejects a symmetry
/// together with explicit bounds, and a null symmetry with no bounds at all; that check belongs to the settings layer.
/// </remarks>
public sealed record OrientationSampling
{
    /// <summary>In-plane (psi) step in degrees; must be positive when psi spans a non-empty range.</summary>
    public double PsiStep { get; init; } = 1.5;

    /// <summary>Out-of-plane (theta) step in degrees, must be positive; also sets the phi spacing of the base grid.</summary>
    public double ThetaStep { get; init; } = 2.5;

    /// <summary>Lower phi bound in degrees, or null for 0 (only used when <see cref="Symmetry"/> is null).</summary>
    public double? PhiMin { get; init; }

    /// <summary>Upper phi bound in degrees, or null for 360 (only used when <see cref="Symmetry"/> is null).</summary>
    public double? PhiMax { get; init; }

    /// <summary>Lower theta bound in degrees, or null for 0 (only used when <see cref="Symmetry"/> is null).</summary>
    public double? ThetaMin { get; init; }

    /// <summary>Upper theta bound in degrees, or null for 180 (only used when <see cref="Symmetry"/> is null).</summary>
    public double? ThetaMax { get; init; }

    /// <summary>Lower psi bound in degrees, or null for 0 (only used when <see cref="Symmetry"/> is null).</summary>
    public double? PsiMin { get; init; }

    /// <summary>Upper psi bound in degrees, or null for 360 (only used when <see cref="Symmetry"/> is null).</summary>
    public double? PsiMax { get; init; }

    /// <summary>How the (phi, theta) base grid is built.</summary>
    public BaseGridMethod BaseGrid { get; init; } = BaseGridMethod.Uniform;

    /// <summary>
    /// Template symmetry such as "C1", "C6", "D7", "T", "O", "I" (see <see cref="SymmetryGroup.Parse"/>), or null to
    /// use the explicit bounds. An empty string is invalid, as upstream.
    /// </summary>
    public string? Symmetry { get; init; } = "C1";

    /// <summary>The six bounds in degrees that generation uses (see the remarks on this type).</summary>
    /// <exception cref="ArgumentException"><see cref="Symmetry"/> is set but not a valid group.</exception>
    public AngleRanges ResolveRanges()
    {
        if (Symmetry is not null)
        {
            return SymmetryGroup.Parse(Symmetry).GetRanges();
        }

        AngleRanges full = AngleRanges.FullSphere;
        return new AngleRanges(
            PhiMin ?? full.PhiMin,
            PhiMax ?? full.PhiMax,
            ThetaMin ?? full.ThetaMin,
            ThetaMax ?? full.ThetaMax,
            PsiMin ?? full.PsiMin,
            PsiMax ?? full.PsiMax);
    }

    /// <summary>The orientation list (see <see cref="OrientationGrid.Generate(OrientationSampling)"/>).</summary>
    public EulerAngles[] Generate() => OrientationGrid.Generate(this);
}
