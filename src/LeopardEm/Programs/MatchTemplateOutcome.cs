using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Search;

namespace LeopardEm.Programs;

/// <summary>What a match_template run produced.</summary>
/// <param name="Maps">The result maps (valid-cropped unless disabled).</param>
/// <param name="Threshold">The cutoff used for peak picking (<see cref="PickingResult.Cutoff"/>: a z-score, or −ln p
/// for the p-value metric).</param>
/// <param name="Peaks">Picked peaks in descending metric order, each with its z-score.</param>
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
    IReadOnlyList<string> Warnings) : IPickingOutcome
{
    /// <summary>What <see cref="ParticlePicker.Pick"/> returned for the maps.</summary>
    public required PickingResult Picking { get; init; }

    /// <summary>The picking options used, with the search's correlations per pixel.</summary>
    public required PickingOptions PickingOptions { get; init; }

    /// <summary>Template edge N, pixels.</summary>
    public required int TemplateSize { get; init; }
}
