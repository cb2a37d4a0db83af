using LeopardEm.Io;
using LeopardEm.Particles;

namespace LeopardEm.Programs;

/// <summary>What a constrained search produced.</summary>
/// <param name="Particles">One match per reference particle, in the reference table's order.</param>
/// <param name="Threshold">The detection threshold and the search-space counts behind it.</param>
/// <param name="SearchSeconds">Wall time of the search, seconds.</param>
/// <param name="WrittenFiles">Files written, in order.</param>
public sealed record ConstrainedSearchOutcome(
    IReadOnlyList<ConstrainedParticle> Particles,
    ConstrainedSearchThreshold Threshold,
    double SearchSeconds,
    IReadOnlyList<string> WrittenFiles)
{
    /// <summary>The matches whose z-score is above <see cref="Threshold"/> (finite ones only), in order.</summary>
    public IReadOnlyList<ConstrainedParticle> AboveThreshold =>
        [.. Particles.Where(p => p.Refinement.ZScore > Threshold.ZScore && float.IsFinite(p.Refinement.ZScore))];

    /// <summary>Every match (Leopard-EM's constrained columns).</summary>
    public ParticleTable Table => ConstrainedParticleColumns.ToTable(Particles);

    /// <summary>The matches above the threshold (same columns).</summary>
    public ParticleTable AboveThresholdTable => ConstrainedParticleColumns.ToTable(AboveThreshold);
}
