using LeopardEm.Orientations;

namespace LeopardEm.Settings;

/// <summary>
/// The local orientation search of refinement: YAML block <c>orientation_refinement_config</c> (Leopard-EM
/// <c>RefineOrientationConfig</c>, spec §1.2). Each angle is searched over [−coarse, +coarse] in steps of fine, degrees;
/// "coarse" is the step of the search that found the particle. How offsets are applied is chosen at run time
/// (<see cref="LocalGridConvention"/>).
/// </summary>
public sealed record RefineOrientationConfig
{
    /// <summary>YAML key of this block under the refine-template root.</summary>
    public const string YamlKey = "orientation_refinement_config";

    /// <summary><c>enabled</c>: search orientations; when false only the particle's own orientation is used. Default
    /// true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>phi_step_coarse</c>: half-width of the phi range, degrees, ≥ 0 (see
    /// <see cref="SymmetricLocalOffsets"/> for its meaning near the poles). Default 2.5.</summary>
    public double PhiStepCoarse { get; init; } = 2.5;

    /// <summary><c>phi_step_fine</c>: phi step, degrees, ≥ 0 (&gt; 0 when the range is not 0). Default 0.25.</summary>
    public double PhiStepFine { get; init; } = 0.25;

    /// <summary><c>theta_step_coarse</c>: half-width of the theta range, degrees, ≥ 0. Default 2.5.</summary>
    public double ThetaStepCoarse { get; init; } = 2.5;

    /// <summary><c>theta_step_fine</c>: theta step, degrees, ≥ 0 (&gt; 0 when the range is not 0). Default 0.25.</summary>
    public double ThetaStepFine { get; init; } = 0.25;

    /// <summary><c>psi_step_coarse</c>: half-width of the psi range, degrees, ≥ 0. Default 1.5.</summary>
    public double PsiStepCoarse { get; init; } = 1.5;

    /// <summary><c>psi_step_fine</c>: psi step, degrees, ≥ 0 (&gt; 0 when the range is not 0). Default 0.1.</summary>
    public double PsiStepFine { get; init; } = 0.1;

    /// <summary><c>base_grid_method</c>: <c>uniform</c> or <c>healpix</c>; only used by
    /// <see cref="LocalGridConvention.Leopard"/> offsets. Default uniform.</summary>
    public BaseGridMethod BaseGridMethod { get; init; } = BaseGridMethod.Uniform;

    private (string Coarse, double CoarseValue, string Fine, double FineValue)[] Steps =>
    [
        ("phi_step_coarse", PhiStepCoarse, "phi_step_fine", PhiStepFine),
        ("theta_step_coarse", ThetaStepCoarse, "theta_step_fine", ThetaStepFine),
        ("psi_step_coarse", PsiStepCoarse, "psi_step_fine", PsiStepFine),
    ];

    /// <summary>Checks the steps; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey)
    {
        var p = new ProblemCollector();
        string K(string key) => ProblemCollector.Join(keyPath, key);
        foreach (var (coarse, coarseValue, fine, fineValue) in Steps)
        {
            p.AtLeast(K(coarse), coarseValue, 0);
            p.AtLeast(K(fine), fineValue, 0);
            if (Enabled && coarseValue > 0 && fineValue == 0)
            {
                p.Add(K(fine), $"{K(fine)} must be greater than 0 when {coarse} is {ProblemCollector.Format(coarseValue)}; " +
                               "a zero step cannot cover the range");
            }
        }

        if (BaseGridMethod is not (BaseGridMethod.Uniform or BaseGridMethod.Healpix))
        {
            p.Add(K("base_grid_method"), $"{K("base_grid_method")} must be uniform or healpix, got {BaseGridMethod}");
        }

        if (p.Problems.Count == 0 && Enabled && SymmetricCount() > SymmetricLocalOffsets.MaxCount)
        {
            p.Add(keyPath, $"{keyPath}: the ranges and steps give {SymmetricCount()} orientation offsets per particle " +
                           $"(limit {SymmetricLocalOffsets.MaxCount}); use larger fine steps");
        }

        return p.Problems;
    }

    /// <summary>
    /// The offsets to search: the zero offset alone when disabled, otherwise <see cref="SymmetricLocalOffsets"/> or
    /// Leopard-EM's <see cref="LocalOrientationOffsets"/>.
    /// </summary>
    /// <exception cref="SettingsValidationException">When <see cref="Validate"/> reports problems.</exception>
    /// <exception cref="ArgumentException">Leopard-EM offsets its generator cannot build (e.g. healpix with fine steps
    /// below about 1.7 degrees, as upstream).</exception>
    public LocalOffsetGrid GetOffsets(LocalGridConvention convention)
    {
        if (!Enabled)
        {
            return LocalOffsetGrid.None;
        }

        SettingsValidationException.ThrowIfAny(Validate());
        var offsets = convention == LocalGridConvention.Leopard
            ? LocalOrientationOffsets.Generate(PsiStepCoarse, PsiStepFine, ThetaStepCoarse, ThetaStepFine, BaseGridMethod)
            : SymmetricLocalOffsets.Generate(PhiStepCoarse, PhiStepFine, ThetaStepCoarse, ThetaStepFine, PsiStepCoarse, PsiStepFine);
        return new LocalOffsetGrid(offsets, convention);
    }

    // Saturates instead of overflowing, so absurd steps still give a clear "too many" message.
    private double SymmetricCount() =>
        Steps.Aggregate(1.0, (product, s) => product * SymmetricLocalOffsets.ValueCount(s.CoarseValue, s.FineValue));
}
