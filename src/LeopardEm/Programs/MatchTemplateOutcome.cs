using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Search;

namespace LeopardEm.Programs;

/// <summary>What a match_template run produced.</summary>
/// <param name="Maps">The result maps (valid-cropped unless disabled).</param>
/// <param name="Threshold">The z-score threshold used for peak picking.</param>
/// <param name="Peaks">Picked peaks in descending z-score order.</param>
/// <param name="Particles">The particles, in descending score order (<see cref="MatchTemplateParticleColumns"/> writes
/// them with Leopard-EM's columns).</param>
/// <param name="SearchSeconds">Wall time of the search loop, seconds.</param>
/// <param name="WrittenFiles">Files written, in order.</param>
/// <param name="Warnings">What looks wrong in the result (e.g. <see cref="ContrastCheck"/>), for the user.</param>
public sealed record MatchTemplateOutcome(
    SearchResultMaps Maps,
    double Threshold,
    IReadOnlyList<Peak> Peaks,
    IReadOnlyList<MatchTemplateParticle> Particles,
    double SearchSeconds,
    IReadOnlyList<string> WrittenFiles,
    IReadOnlyList<string> Warnings);
