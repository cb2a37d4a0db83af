using System.CommandLine;
using LeopardEm.Config;
using LeopardEm.Plots;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard plot CONFIG.yaml --out DIR</c>: the picking figures and page for the maps a match_template run
/// saved, with the particles of a table or of a new pick.</summary>
internal static class PlotCommand
{
    public static Command Create(TextWriter output)
    {
        var config = new Argument<FileInfo>("config")
        {
            Description = "The match_template YAML of the run (ours or Leopard-EM's); the maps are read from its match_template_result block.",
        };
        var directory = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the figures (zscore_map.png, survival.png, zscore_mip_density.png, refinement.png) and index.html.",
            HelpName = "DIR",
            Required = true,
        };
        var csv = new Option<FileInfo?>("--csv")
        {
            Description = "Show the particles of this table (pos_x, pos_y in the maps) instead of a new pick. A refine_template "
                + "table (with refined_scaled_mip) adds refinement.png: each particle's z-score before and after refinement. "
                + "Without picking options, the metric and cutoff are those the table records (leopard pick's columns), else z-score.",
            HelpName = "PICKS.csv",
        };
        var picking = new PickingOptionSet();
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace output files that exist." };
        var command = new Command(
            "plot",
            "Draw the picking figures of a finished match_template run: (a) the z-score map with the picks circled and numbered,\n" +
            "(b) the survival function of the z-scores against the noise models, (c) the z-score/MIP density with the p-value\n" +
            "boundary, (d) with a refine_template table the z-scores before and after refinement; and index.html with the picks.\n\n" +
            "Example:\n  leopard plot config.yaml --out plots/ --csv refined.csv");
        command.Add(config);
        command.Add(directory);
        command.Add(csv);
        picking.AddTo(command);
        command.Add(overwrite);
        command.SetAction(parse =>
        {
            var options = new PlotOptions
            {
                Directory = parse.GetRequiredValue(directory).FullName,
                CsvPath = parse.GetValue(csv)?.FullName,
                Picking = picking.AnyGiven(parse) ? picking.Read(parse) : null,
                AllowOverwrite = parse.GetValue(overwrite),
            };
            return Execute(parse.GetRequiredValue(config).FullName, options, ConsoleFactory.For(output));
        });
        return command;
    }

    private static int Execute(string configPath, PlotOptions options, IAnsiConsole console)
    {
        using var job = ConfiguredJob.Prepare(
            console, MatchTemplateConfig.Load(configPath), settings => PlotJob.Prepare(settings, Directory.GetCurrentDirectory(), options));
        ConfiguredJob.PrintNotes(console, job.Notes);

        var outcome = job.Run();
        var result = outcome.Report.Result;
        console.WriteLine(Invariant($"Drew {result.Picks.Count} particle(s) ") +
            (job.Table is null ? Invariant($"picked with {PickingSummary.Criterion(result)}.") : Invariant($"of {options.CsvPath} (figures show the cutoff {PickingSummary.Criterion(result)}).")));
        foreach (var warning in result.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        foreach (var file in outcome.WrittenFiles)
        {
            console.WriteLine($"wrote {file}");
        }

        return ExitCodes.Success;
    }
}
