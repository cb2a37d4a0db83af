using LeopardEm.Config;
using LeopardEm.Datasets;

namespace LeopardEm.Cli.Runs;

/// <summary>
/// Each micrograph's <c>config.yaml</c> in a run folder: the exact configuration its results come from (so one
/// micrograph can be rerun by hand with <c>leopard match-template NAME/config.yaml</c>), and what tells a finished
/// micrograph of this run from one of other settings.
/// </summary>
internal static class MicrographConfigs
{
    /// <summary>Whether the micrograph is finished with these settings: its particle table is written and its
    /// <c>config.yaml</c> has the same search settings, micrograph and template.</summary>
    public static bool IsComplete(RunLayout layout, RunItem item) =>
        File.Exists(layout.Particles(item.Name)) && SameSettings(layout, item) == true;

    /// <summary>Writes the micrograph's <c>config.yaml</c>, creating its folder.</summary>
    /// <exception cref="IOException">The folder holds results (maps, tables or partial results) of other settings:
    /// nothing is written, and the message says what to do.</exception>
    public static void Write(RunLayout layout, RunItem item)
    {
        var folder = layout.Folder(item.Name);
        if (SameSettings(layout, item) == false && HoldsResults(folder))
        {
            throw new IOException(
                $"'{folder}' holds results of other settings (its {RunLayout.ConfigFileName} differs from this run's for the micrograph); " +
                "use another run folder, or delete that folder to compute the micrograph again.");
        }

        Directory.CreateDirectory(folder);
        var text = MatchTemplateConfig.ToYaml(item.Settings);
        Io.AtomicFileWriter.Write(layout.Config(item.Name), overwrite: true, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    // True or false when the folder has a config.yaml (false also when it cannot be read), null when it has none.
    private static bool? SameSettings(RunLayout layout, RunItem item)
    {
        var path = layout.Config(item.Name);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var saved = MatchTemplateConfig.Load(path).Settings;
            return saved.MicrographPath == item.Settings.MicrographPath
                && saved.TemplateVolumePath == item.Settings.TemplateVolumePath
                && MatchTemplateConfig.SearchFingerprint(saved) == MatchTemplateConfig.SearchFingerprint(item.Settings);
        }
        catch (ConfigException)
        {
            return false;
        }
    }

    private static bool HoldsResults(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Any(f => Path.GetFileName(f) != RunLayout.ConfigFileName);
}
