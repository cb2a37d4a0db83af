using System.CommandLine;
using LeopardEm.Config;
using LeopardEm.Plots;
using LeopardEm.Programs;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard pick CONFIG.yaml</c>: picks particles again in the maps a match_template run saved, with any
/// metric, without searching.</summary>
internal static class PickCommand
{
    public static Command Create(TextWriter output)
    {
        var config = new Argument<FileInfo>("config")
        {
            Description = "The match_template YAML of the run (ours or Leopard-EM's): the maps are read from its match_template_result "
                + "block, the template size from its template file, the correlations per pixel from its search settings. Relative "
                + "paths resolve against the current directory.",
        };
        var outputCsv = new Option<FileInfo>("--output-csv")
        {
            Description = "Where to write the particle table: Leopard-EM's match_template columns, then the metric's value "
                + "(z_score, neg_log_p or gev_z_score) and metric_cutoff.",
            Required = true,
        };
        var picking = new PickingOptionSet();
        var pickOutputs = new PickOutputOptionSet();
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace output files that exist." };
        var command = new Command(
            "pick",
            "Pick particles in the result maps of a finished match_template run (named in its YAML's match_template_result block)\n" +
            "with the z-score, p-value or GEV metric, without searching again; writes the particle table and optionally figures,\n" +
            "full-size maps and a coordinate file.\n\n" +
            "Example:\n  leopard pick config.yaml --metric pvalue --output-csv picks.csv --plots plots/");
        command.Add(config);
        picking.AddTo(command);
        command.Add(outputCsv);
        pickOutputs.AddTo(command);
        command.Add(overwrite);
        command.SetAction(parse =>
        {
            var baseDirectory = Directory.GetCurrentDirectory();
            var options = new PickOptions
            {
                Picking = picking.Read(parse),
                OutputCsvPath = parse.GetRequiredValue(outputCsv).FullName,
                CoordinatesPath = pickOutputs.Coordinates(parse),
                FullSizeMapsDirectory = pickOutputs.FullSizeMaps(parse),
                AllowOverwrite = parse.GetValue(overwrite),
                AdditionalOutputs = pickOutputs.Plots(parse) is { } plots ? [.. PickingReportOutputs.For("--plots", plots, baseDirectory)] : [],
            };
            return Execute(parse.GetRequiredValue(config).FullName, baseDirectory, options, ConsoleFactory.For(output));
        });
        return command;
    }

    private static int Execute(string configPath, string baseDirectory, PickOptions options, IAnsiConsole console)
    {
        using var job = ConfiguredJob.Prepare(console, MatchTemplateConfig.Load(configPath), settings => PickJob.Prepare(settings, baseDirectory, options));
        ConfiguredJob.PrintNotes(console, job.Notes);

        var maps = job.Saved.Maps;
        console.WriteLine(
            Invariant($"Picking in {maps.Width} x {maps.Height} px maps ({job.Picking.CorrelationsPerPixel:N0} correlations per pixel, ") +
            Invariant($"{job.Saved.TemplateSize} px template) with the {PickingOptionSet.NameOf(job.Picking.Metric)} metric."));
        var outcome = job.Run();
        console.WriteLine(Invariant($"Picked {outcome.Particles.Count} particle(s) with {PickingSummary.Criterion(outcome.Picking)}."));
        PickingSummary.Particles(console, outcome.Picking, outcome.Particles);
        foreach (var file in outcome.WrittenFiles)
        {
            console.WriteLine($"wrote {file}");
        }

        return ExitCodes.Success;
    }
}
