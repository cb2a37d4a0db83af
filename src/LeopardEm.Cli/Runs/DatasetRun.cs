using LeopardEm.Cli.Commands;
using LeopardEm.Compute;
using LeopardEm.Config;
using LeopardEm.Datasets;
using LeopardEm.Programs;
using LeopardEm.Settings;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli.Runs;

/// <summary><c>leopard match-template CONFIG --micrographs TABLE</c>: the configuration's search run on every micrograph
/// of the table, one after another, each exactly as <c>leopard match-template NAME/config.yaml</c> would run it.</summary>
internal static class DatasetRun
{
    public static int Execute(
        string configPath, string tablePath, string? runDirectory, MatchTemplateOptions options, Func<GpuIds, ComputeBackend> backend,
        IAnsiConsole console, CancellationToken cancellation)
    {
        var loaded = MatchTemplateConfig.Load(configPath);
        foreach (var warning in loaded.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning.Message}");
        }

        var layout = new RunLayout(runDirectory ?? DefaultRoot(loaded.Settings));
        var list = RunItems.Of(loaded.Settings, tablePath, layout);
        var items = list.ToDictionary(i => i.Name);
        var names = list.Select(i => i.Name).ToList();
        console.WriteLine(Invariant($"{names.Count} micrograph(s) from {tablePath}; each one's maps, particles.csv and config.yaml go to {layout.Root}/NAME/."));
        return MicrographLoop.Run(
            console, layout, names, name => MicrographConfigs.IsComplete(layout, items[name]),
            name =>
            {
                MicrographConfigs.Write(layout, items[name]);
                MatchTemplateCommand.Search(layout.Config(name), options with { OutputCsvPath = layout.Particles(name) }, backend, console, cancellation);
            },
            cancellation);
    }

    /// <summary>Without <c>--run-dir</c>: the folder of the configuration's <c>mip_path</c>.</summary>
    public static string DefaultRoot(MatchTemplateSettings settings) =>
        Path.GetDirectoryName(MatchTemplatePaths.Resolve(settings.MatchTemplateResult.MipPath, Directory.GetCurrentDirectory()))!;
}
