using System.CommandLine;
using System.Globalization;
using LeopardEm.Compute;
using LeopardEm.Config;
using LeopardEm.Programs;
using LeopardEm.Settings;
using Spectre.Console;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard match-template CONFIG.yaml</c>: a full 2DTM search configured by a Leopard-EM YAML file.</summary>
internal static class MatchTemplateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Argument<FileInfo>("config")
        {
            Description = "Leopard-EM match_template YAML (the same file Leopard-EM reads). Relative paths in it are resolved against the current directory.",
        };
        var options = new SearchOptionSet();
        var command = new Command(
            "match-template",
            "Search a micrograph for every copy of a template: position, orientation (ZYZ Euler angles) and defocus.\n" +
            "Writes Leopard-EM's 8 statistics maps (MRC) to the paths in the YAML's match_template_result block and,\n" +
            "with --output-csv, the particle table with Leopard-EM's columns.\n\n" +
            "Example:\n  leopard match-template config.yaml --output-csv particles.csv --threads 8");
        command.Add(config);
        options.AddTo(command);
        command.SetAction((parse, cancellation) =>
        {
            var run = options.Read(parse);
            var backend = options.Compute.Backend(parse);
            var path = parse.GetRequiredValue(config).FullName;
            return CancellableRun.Start(error, cancellation, () => Execute(path, run, backend, output, cancellation));
        });
        return command;
    }

    private static int Execute(
        string configPath, MatchTemplateOptions options, Func<GpuIds, ComputeBackend> backend, TextWriter output, CancellationToken cancellation)
    {
        Search(configPath, options, backend, ConsoleFactory.For(output), cancellation);
        return ExitCodes.Success;
    }

    /// <summary>Loads a configuration and runs its search as <c>leopard match-template</c> does: warnings, the summary
    /// with the time estimate, progress, then what was found and written. Relative paths resolve against the current
    /// directory.</summary>
    internal static MatchTemplateOutcome Search(
        string configPath, MatchTemplateOptions options, Func<GpuIds, ComputeBackend> backend, IAnsiConsole console, CancellationToken cancellation)
    {
        var loaded = MatchTemplateConfig.Load(configPath);
        using (var job = ConfiguredJob.Prepare(
                   console, loaded,
                   settings => MatchTemplateJob.Prepare(settings, Directory.GetCurrentDirectory(), options, backend(settings.ComputationalConfig.GpuIds))))
        {
            foreach (var note in job.Notes)
            {
                console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
            }

            var perCorrelation = job.MeasureSecondsPerCorrelation();
            SearchSummary.Before(console, job, perCorrelation);
            var outcome = SearchProgressDisplay.Run(console, job.TotalCorrelations, progress => job.Run(progress, cancellation));
            SearchSummary.After(console, job, outcome);
            return outcome;
        }
    }
}
