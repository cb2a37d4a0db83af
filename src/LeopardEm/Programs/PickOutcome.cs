using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Search;

namespace LeopardEm.Programs;

/// <summary>What a pick from saved maps produced.</summary>
/// <param name="Maps">The maps read back.</param>
/// <param name="Picking">The picking result.</param>
/// <param name="PickingOptions">The options used, correlations per pixel included.</param>
/// <param name="Particles">One particle per pick, in pick order.</param>
/// <param name="TemplateSize">Template edge N, pixels.</param>
/// <param name="WrittenFiles">Files written, in order.</param>
public sealed record PickOutcome(
    SearchResultMaps Maps,
    PickingResult Picking,
    PickingOptions PickingOptions,
    IReadOnlyList<MatchTemplateParticle> Particles,
    int TemplateSize,
    IReadOnlyList<string> WrittenFiles) : IPickingOutcome;
