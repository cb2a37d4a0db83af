namespace LeopardEm.Demo;

/// <summary>How well a search recovered planted particles: one <see cref="ParticleMatch"/> per planted particle, in
/// planted order, and the found particles paired with none (false positives).</summary>
/// <param name="Matches">One entry per planted particle.</param>
/// <param name="Unpaired">Found particles not paired with any planted particle.</param>
public sealed record RecoveryReport(IReadOnlyList<ParticleMatch> Matches, IReadOnlyList<FoundParticle> Unpaired)
{
    /// <summary>Planted particles the search found.</summary>
    public int FoundCount => Matches.Count(m => m.IsFound);

    /// <summary>True when every planted particle was found.</summary>
    public bool AllFound => FoundCount == Matches.Count;
}
