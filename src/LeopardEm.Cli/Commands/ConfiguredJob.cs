using LeopardEm.Config;
using LeopardEm.Settings;
using Spectre.Console;

namespace LeopardEm.Cli.Commands;

/// <summary>How every verb turns a loaded configuration into a prepared job: the configuration's warnings are printed,
/// and settings problems found while preparing (missing files, existing outputs) point at their lines in the file.</summary>
internal static class ConfiguredJob
{
    /// <summary>Prints a job's notes (what the user should know before or after the run), from <paramref name="from"/>
    /// on; returns how many there are, so notes added during the run can be printed after it.</summary>
    public static int PrintNotes(IAnsiConsole console, IReadOnlyList<string> notes, int from = 0)
    {
        foreach (var note in notes.Skip(from))
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
        }

        return notes.Count;
    }

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
