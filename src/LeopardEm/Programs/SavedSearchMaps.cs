using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// The result maps a finished match_template run saved (ours or Leopard-EM's), read back from the paths of its
/// configuration's <c>match_template_result</c> block, so particles can be picked and plotted again without searching.
/// The maps do not store what the picking needs besides them: the template size N comes from the template file's
/// header (<c>nx</c>, as Leopard-EM reads it) and the correlations per pixel from the configuration's search space.
/// </summary>
public sealed class SavedSearchMaps
{
    private SavedSearchMaps(SearchResultMaps maps, int templateSize)
    {
        Maps = maps;
        TemplateSize = templateSize;
    }

    /// <summary>The maps (valid-cropped, as match_template writes them); the pixel-size map holds the nominal pixel size
    /// when pixel size was not searched.</summary>
    public SearchResultMaps Maps { get; }

    /// <summary>Template edge N, pixels.</summary>
    public int TemplateSize { get; }

    /// <summary>The files read (YAML key, absolute path): the maps and the template.</summary>
    /// <param name="settings">The run's configuration.</param>
    /// <param name="baseDirectory">Directory relative paths resolve against.</param>
    public static IReadOnlyList<(string Key, string Path)> InputsOf(MatchTemplateSettings settings, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return
        [
            .. ResultMapFiles.Of(settings).Select(f => (ResultMapFiles.YamlKeyOf(f), MatchTemplatePaths.Resolve(f.Path, baseDirectory))),
            ("template_volume_path", MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory)),
        ];
    }

    /// <summary>Every map and the template that does not exist; an empty list means all can be read.</summary>
    /// <param name="settings">The run's configuration.</param>
    /// <param name="baseDirectory">Directory relative paths resolve against.</param>
    public static IReadOnlyList<SettingsProblem> Check(MatchTemplateSettings settings, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<SettingsProblem>();
        foreach (var file in ResultMapFiles.Of(settings))
        {
            MatchTemplatePaths.CheckInput(problems, ResultMapFiles.YamlKeyOf(file), $"a saved result map ({file.Label})", file.Path, baseDirectory);
        }

        MatchTemplatePaths.CheckInput(problems, "template_volume_path", "template volume", settings.TemplateVolumePath, baseDirectory);
        return problems;
    }

    /// <summary>Reads the maps and the template size.</summary>
    /// <param name="settings">The run's configuration (validated).</param>
    /// <param name="baseDirectory">Directory relative paths resolve against.</param>
    /// <exception cref="InvalidDataException">The maps differ in shape, or the MIP or z-score map holds a value that is
    /// not finite.</exception>
    public static SavedSearchMaps Read(MatchTemplateSettings settings, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var files = ResultMapFiles.Of(settings);
        var paths = files.Select(f => MatchTemplatePaths.Resolve(f.Path, baseDirectory)).ToList();
        var images = paths.Select(MrcReader.ReadImage).ToList();
        for (var i = 1; i < images.Count; i++)
        {
            if (images[i].Height != images[0].Height || images[i].Width != images[0].Width)
            {
                throw new InvalidDataException(
                    $"The saved map '{paths[i]}' is {images[i].Width} x {images[i].Height} px but the MIP map '{paths[0]}' is " +
                    $"{images[0].Width} x {images[0].Height} px; the maps of one run have one shape.");
            }
        }

        SampleChecks.RequireSearchable(images[0], "the MIP map", paths[0]);
        SampleChecks.RequireSearchable(images[1], "the z-score map", paths[1]);
        var byKey = files.Select((f, i) => (f.Key, Image: images[i])).ToDictionary(f => f.Key, f => f.Image, StringComparer.Ordinal);
        var pixelSize = files.Count > 8 ? images[8] : Filled(images[0], (float)settings.OpticsGroup.PixelSize);
        var templatePath = MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory);
        var templateSize = MrcReader.ReadHeader(templatePath).Nx;
        var maps = SearchResultMaps.FromMaps(
            byKey["mip_path"], byKey["scaled_mip_path"], byKey["correlation_average_path"], byKey["correlation_variance_path"],
            byKey["orientation_phi_path"], byKey["orientation_theta_path"], byKey["orientation_psi_path"], byKey["relative_defocus_path"],
            pixelSize, MatchTemplateInputsBuilder.SearchSpaceOf(settings).Total);
        return new SavedSearchMaps(maps, templateSize);
    }

    private static Image2D Filled(Image2D shape, float value)
    {
        var image = new Image2D(shape.Height, shape.Width);
        Array.Fill(image.Data, value);
        return image;
    }
}
