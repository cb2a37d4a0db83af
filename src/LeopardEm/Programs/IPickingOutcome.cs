using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Search;

namespace LeopardEm.Programs;

/// <summary>
/// What a run that calls particles in result maps produced (match_template at the end of a search, pick from saved
/// maps): the outputs both share (tables, coordinate files, full-size maps, figures) are written from it.
/// </summary>
public interface IPickingOutcome
{
    /// <summary>The (valid-cropped) result maps the particles were picked in.</summary>
    SearchResultMaps Maps { get; }

    /// <summary>What <see cref="ParticlePicker.Pick"/> returned for the maps.</summary>
    PickingResult Picking { get; }

    /// <summary>The options it was given, with <see cref="PickingOptions.CorrelationsPerPixel"/> set.</summary>
    PickingOptions PickingOptions { get; }

    /// <summary>One particle per pick, in pick order.</summary>
    IReadOnlyList<MatchTemplateParticle> Particles { get; }

    /// <summary>Template edge N, pixels: particle centres are map positions + N/2.</summary>
    int TemplateSize { get; }
}
