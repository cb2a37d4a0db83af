using LeopardEm.Datasets;
using LeopardEm.Settings;

namespace LeopardEm.Cli.Runs;

/// <summary>The micrographs of a run: those of a table, each with its own CTF, or the configuration's own micrograph.
/// Relative paths in the configuration and the table resolve against the current directory.</summary>
internal static class RunItems
{
    public static IReadOnlyList<RunItem> Of(MatchTemplateSettings settings, string? tablePath, RunLayout layout)
    {
        var baseDirectory = Directory.GetCurrentDirectory();
        IReadOnlyList<MicrographEntry?> entries = tablePath is null ? [null] : [.. MicrographTable.Read(tablePath)];
        var names = MicrographNames.Assign([.. entries.Select(e => e?.Path ?? settings.MicrographPath)]);
        return [.. entries.Zip(names, (entry, name) =>
            new RunItem(name, MicrographSettings.For(settings, entry, layout.Folder(name), baseDirectory)))];
    }
}
