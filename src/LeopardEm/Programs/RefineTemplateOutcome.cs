using LeopardEm.Io;
using LeopardEm.Particles;

namespace LeopardEm.Programs;

/// <summary>What a refine_template run produced.</summary>
/// <param name="Particles">One refined particle per input particle, in table order.</param>
/// <param name="SearchSeconds">Wall time of the refinement, seconds.</param>
/// <param name="WrittenFiles">Files written, in order.</param>
public sealed record RefineTemplateOutcome(
    IReadOnlyList<RefinedParticle> Particles,
    double SearchSeconds,
    IReadOnlyList<string> WrittenFiles)
{
    /// <summary>The refined particle table (Leopard-EM's refine columns; other input columns carried through).</summary>
    public ParticleTable Table => RefinedParticleColumns.ToTable(Particles);
}
