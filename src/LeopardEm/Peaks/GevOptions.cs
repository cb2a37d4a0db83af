namespace LeopardEm.Peaks;

/// <summary>
/// Settings of the GEV metric (Leopard-EM <c>gev_fit_metric</c>, spec §12.3), with Leopard-EM's names in the
/// comments. Only z-scores inside [<see cref="MinZ"/>, <see cref="MaxZ"/>] are fitted, so that the particles
/// themselves (high z) do not bend the noise model.
/// </summary>
public sealed record GevOptions
{
    /// <summary>Leopard-EM's default upper bound of the fitted z-scores.</summary>
    public const double DefaultMaxZ = 8.5;

    /// <summary>Leopard-EM's default cap on the number of fitted values.</summary>
    public const int DefaultNumSamples = 1_000_000;

    /// <summary>Our fixed seed of the subsample (Leopard-EM's is unseeded).</summary>
    public const int DefaultSeed = 1729;

    /// <summary><c>min_z</c>: smallest z-score fitted; null = the map's minimum (Leopard-EM's default).</summary>
    public double? MinZ { get; init; }

    /// <summary><c>max_z</c>: largest z-score fitted (inclusive).</summary>
    public double MaxZ { get; init; } = DefaultMaxZ;

    /// <summary><c>num_samples</c>: when more z-scores fall in the window, a random subset of this many is fitted.</summary>
    public int NumSamples { get; init; } = DefaultNumSamples;

    /// <summary>Seed of the subset (<see cref="System.Random"/>'s seeded generator, the same on every platform and run).
    /// Leopard-EM draws it unseeded, so its cutoff varies from run to run; ours is repeatable.</summary>
    public int Seed { get; init; } = DefaultSeed;
}
