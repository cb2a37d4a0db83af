using LeopardEm.Io;
using LeopardEm.Search;

namespace LeopardEm.Programs;

/// <summary>What a refine_template run produced.</summary>
/// <param name="Results">One refinement per particle, in table order.</param>
/// <param name="Particles">The refined particle table (Leopard-EM's refine columns).</param>
/// <param name="SearchSeconds">Wall time of the refinement, seconds.</param>
/// <param name="WrittenFiles">Files written, in order.</param>
public sealed record RefineTemplateOutcome(
    IReadOnlyList<ParticleRefinement> Results,
    ParticleTable Particles,
    double SearchSeconds,
    IReadOnlyList<string> WrittenFiles);
