using LeopardEm.Interop;
using LeopardEm.Io;
using LeopardEm.Outputs;
using LeopardEm.Particles;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>The <c>--output-star</c> output of the search and refinement jobs: their particle table as a RELION 3.1
/// particle STAR file (<see cref="ParticleStarExport"/>), with the template's edge as the image size.</summary>
public static class ParticleStarOutputs
{
    /// <summary>The STAR file of a match_template run's particles. A search that found nothing writes the
    /// configuration's optics group and no particles.</summary>
    /// <param name="path">The STAR file, as given.</param>
    /// <param name="settings">The run's settings (template path and optics).</param>
    /// <param name="baseDirectory">Directory relative paths are resolved against.</param>
    public static ParticleStarOutput<MatchTemplateOutcome> ForMatchTemplate(string path, MatchTemplateSettings settings, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var target = OutputTarget.Resolve("--output-star", path, baseDirectory);
        var template = MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory);
        return new ParticleStarOutput<MatchTemplateOutcome>(target, outcome =>
        {
            // The template was read by the job, so its header is there; the particles alone cannot tell an empty search's edge.
            var edge = MrcReader.ReadHeader(template).Nx;
            return ParticleStarExport.FromTable(
                MatchTemplateParticleColumns.ToTable(outcome.Particles), "the search's particles", edge, baseDirectory, target.Path,
                whenEmpty: ParticleStarExport.OpticsOf(settings.OpticsGroup, edge));
        });
    }

    /// <summary>The STAR file of a refine_template run's particles (refined positions, angles and defocus).</summary>
    /// <param name="path">The STAR file, as given.</param>
    /// <param name="templateSize">The template's edge, pixels.</param>
    /// <param name="baseDirectory">Directory relative paths are resolved against.</param>
    public static ParticleStarOutput<RefineTemplateOutcome> ForRefinement(string path, int templateSize, string baseDirectory)
    {
        var target = OutputTarget.Resolve("--output-star", path, baseDirectory);
        return new ParticleStarOutput<RefineTemplateOutcome>(target, outcome =>
            ParticleStarExport.FromTable(outcome.Table, "the refined particles", templateSize, baseDirectory, target.Path));
    }
}
