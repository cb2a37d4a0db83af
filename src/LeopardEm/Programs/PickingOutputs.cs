using LeopardEm.Outputs;
using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>The outputs of a run that picks particles, shared by match_template and pick: the particle table, a
/// coordinate file and full-size copies of the maps. Each writes from any <see cref="IPickingOutcome"/>.</summary>
public static class PickingOutputs
{
    /// <summary>The suffix of a full-size map's file name: <c>DIR/STEM_full.mrc</c> for a map <c>STEM.mrc</c>.</summary>
    public const string FullSizeSuffix = "_full";

    /// <summary>The particle table.</summary>
    /// <param name="key">The option that named it, for messages.</param>
    /// <param name="path">CSV path as written.</param>
    /// <param name="baseDirectory">Directory a relative path resolves against.</param>
    /// <param name="metricColumns">Whether to append the metric's value and cutoff columns
    /// (<see cref="PickedParticleColumns"/>); without them the table has exactly Leopard-EM's columns.</param>
    public static IOutputWriter<IPickingOutcome> Table(string key, string path, string baseDirectory, bool metricColumns) =>
        new ParticleCsvOutput<IPickingOutcome>(
            OutputTarget.Resolve(key, path, baseDirectory),
            outcome => metricColumns
                ? PickedParticleColumns.ToTable(outcome.Particles, outcome.Picking)
                : MatchTemplateParticleColumns.ToTable(outcome.Particles));

    /// <summary>The particle centres as a <c>.coords</c> or EMAN <c>.box</c> file (by extension; boxes of the template's
    /// size), in table order.</summary>
    /// <param name="key">The option that named it.</param>
    /// <param name="path">Path as written; must end in <c>.coords</c> or <c>.box</c>.</param>
    /// <param name="baseDirectory">Directory a relative path resolves against.</param>
    public static IOutputWriter<IPickingOutcome> Coordinates(string key, string path, string baseDirectory) =>
        new CoordinatesOutput<IPickingOutcome>(
            OutputTarget.Resolve(key, path, baseDirectory),
            outcome => outcome.Particles.Select(p => ((double)p.CentreX, (double)p.CentreY)),
            outcome => outcome.TemplateSize);

    /// <summary>
    /// Every result map padded back to the micrograph's shape (<see cref="FullSizeMap.FromValid"/>: element [y, x] of
    /// the full map is the particle centred at micrograph pixel (y, x)), as <c>DIR/STEM_full.mrc</c> for each map
    /// <c>STEM.mrc</c> of the configuration. The border no centre reaches (N/2 pixels at the top and left, N/2 − 1 at the
    /// bottom and right) is <see cref="FullSizeMap.DefaultFill"/> (0) in every map.
    /// </summary>
    /// <param name="key">The option that named the folder.</param>
    /// <param name="directory">Folder as written.</param>
    /// <param name="settings">The configuration whose maps they copy.</param>
    /// <param name="baseDirectory">Directory a relative folder resolves against.</param>
    public static IEnumerable<IOutputWriter<IPickingOutcome>> FullSizeMaps(string key, string directory, MatchTemplateSettings settings, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(settings);
        var pixelSize = settings.OpticsGroup.PixelSize;
        return ResultMapFiles.Of(settings).Select(file => new MrcOutput<IPickingOutcome>(
            OutputTarget.Resolve(key, Path.Combine(directory, Path.GetFileNameWithoutExtension(file.Path) + FullSizeSuffix + ".mrc"), baseDirectory),
            outcome => FullSizeMap.FromValid(file.Map(outcome.Maps), outcome.TemplateSize),
            pixelSize,
            $"full-size, {file.Label}"));
    }
}
