using LeopardEm.Config;
using LeopardEm.Settings;
using Spectre.Console;

namespace LeopardEm.Cli.Commands;

/// <summary>How every verb turns a loaded configuration into a prepared job: the configuration's warnings are printed,
/// and settings problems found while preparing (missing files, existing outputs) point at their lines in the file.</summary>
internal static class ConfiguredJob
{
    public static TJob Prepare<TSettings, TJob>(IAnsiConsole console, ConfigLoadResult<TSettings> loaded, Func<TSettings, TJob> prepare)
    {
        foreach (var warning in loaded.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning.Message}");
        }

        try
        {
            return prepare(loaded.Settings);
        }
        catch (SettingsValidationException ex)
        {
            throw loaded.ToException(ex.Problems);
        }
    }
}
