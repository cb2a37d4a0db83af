using System.CommandLine;
using LeopardEm.Compute;
using LeopardEm.Config;
using LeopardEm.Programs;
using LeopardEm.Settings;
using Spectre.Console;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard merge CONFIG PARTIAL...</c>: combines the partial results of a split search into the outputs
/// one uninterrupted <c>match-template</c> writes.</summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Argument<FileInfo>("config")
        {
            Description = "The match_template YAML the parts were computed with (the same settings, micrograph and template).",
        };
        var parts = new Argument<FileInfo[]>("partial")
        {
            Description = "The partial-result files (from match-template --shard K/N --partial PATH), in any order.",
            Arity = ArgumentArity.OneOrMore,
        };
        var options = new SearchOptionSet();
        var command = new Command(
            "merge",
            "Merge the partial results of a search split into shards (match-template --shard K/N --partial PATH) and write\n" +
            "what one uninterrupted match-template run writes: the 8 maps (MIP and every label map bit for bit), picks and\n" +
            "tables. Refuses parts that are missing, duplicated, overlapping, unfinished or of another search, naming them.\n\n" +
            "Example:\n  leopard merge config.yaml parts/shard-*.partial --output-csv particles.csv");
        command.Add(config);
        command.Add(parts);
        options.AddTo(command);
        command.SetAction((parse, cancellation) =>
        {
            var run = options.Read(parse);
            var backend = options.Compute.Backend(parse);
            var configPath = parse.GetRequiredValue(config).FullName;
            var files = parse.GetRequiredValue(parts).Select(f => f.FullName).ToList();
            return CancellableRun.Start(error, cancellation, () => Execute(configPath, files, run, backend, output));
        });
        return command;
    }

    private static int Execute(
        string configPath, IReadOnlyList<string> parts, MatchTemplateOptions options, Func<GpuIds, ComputeBackend> backend, TextWriter output)
    {
        Merge(configPath, parts, options, backend, ConsoleFactory.For(output));
        return ExitCodes.Success;
    }

    /// <summary>Loads a configuration and merges its parts as <c>leopard merge</c> does, printing the notes and what
    /// was found and written.</summary>
    internal static MatchTemplateOutcome Merge(
        string configPath, IReadOnlyList<string> parts, MatchTemplateOptions options, Func<GpuIds, ComputeBackend> backend, IAnsiConsole console)
    {
        var loaded = MatchTemplateConfig.Load(configPath);
        using var job = ConfiguredJob.Prepare(
            console, loaded,
            settings => MatchTemplateJob.Prepare(
                settings, Directory.GetCurrentDirectory(), options with { SettingsFingerprint = MatchTemplateConfig.SearchFingerprint(settings) },
                backend(settings.ComputationalConfig.GpuIds)));
        ConfiguredJob.PrintNotes(console, job.Notes);

        console.WriteLine(FormattableString.Invariant($"Merging {parts.Count} partial result(s) of {job.TotalCorrelations:N0} cross-correlations per pixel."));
        var outcome = job.Merge(parts);
        SearchSummary.After(console, job, outcome);
        return outcome;
    }
}
