using System.CommandLine;
using System.Text.RegularExpressions;
using LeopardEm.Config;
using LeopardEm.Interop;
using LeopardEm.Programs;
using Spectre.Console;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard export-star TABLE.csv --out particles.star</c>: a particle table as a RELION 3.1 particle STAR
/// file, optionally with the particles extracted into a stack as RELION's Extract job does.</summary>
internal static partial class ExportStarCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var table = new Argument<FileInfo>("table")
        {
            Description = "Particle table CSV from match-template or refine-template (refined positions, angles and defocus are used when present). " +
                          "Its relative micrograph paths are resolved against the current directory.",
        };
        var outStar = new Option<FileInfo>("--out", "-o")
        {
            Description = "The particle STAR file to write (RELION 3.1: data_optics + data_particles). Micrograph and image paths in it are relative to its folder.",
            Required = true,
        };
        var config = new Option<FileInfo?>("--config")
        {
            Description = "The match_template or refine_template YAML of the table: its template's edge is the image size (rlnImageSize) when nothing is extracted.",
        };
        var extract = new Option<FileInfo?>("--extract")
        {
            Description = "Also cut the particles out of their micrographs into this MRC stack (.mrcs), as RELION's Extract job does " +
                          "(inverted contrast, background normalised); the STAR file then names each particle's image.",
        };
        var box = NumberOptions.OptionalWhole("--box", "Edge of the extracted boxes, pixels (even; with --extract).", n => n >= 4 && n % 2 == 0, "an even number of pixels, at least 4");
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the output files if they exist." };
        var command = new Command(
            "export-star",
            "Write a particle table as a RELION 3.1 particle STAR file (positions, ZYZ angles, absolute defocus, 2DTM z-score as\n" +
            "rlnAutopickFigureOfMerit), optionally extracting the particles into a stack RELION reconstructs from.\n\n" +
            "Examples:\n  leopard export-star particles.csv --config match_template.yaml --out particles.star\n" +
            "  leopard export-star particles.csv --out particles.star --extract particles.mrcs --box 128")
        {
            table, outStar, config, extract, box, overwrite,
        };
        command.Validators.Add(result =>
        {
            var extracting = result.GetResult(extract) is not null;
            if (extracting != (result.GetResult(box) is not null))
            {
                result.AddError("--extract and --box go together: the stack to write and the edge of its boxes.");
            }
            else if (!extracting && result.GetResult(config) is null)
            {
                result.AddError("Give --config (its template's edge is the image size) or --extract with --box.");
            }
        });
        command.SetAction((parse, cancellation) =>
        {
            var tablePath = parse.GetRequiredValue(table).FullName;
            var starPath = parse.GetRequiredValue(outStar).FullName;
            var configPath = parse.GetValue(config)?.FullName;
            var stackPath = parse.GetValue(extract)?.FullName;
            var boxSize = parse.GetValue(box);
            var replace = parse.GetValue(overwrite);
            return CancellableRun.Start(error, cancellation, () =>
            {
                var console = ConsoleFactory.For(output);
                var options = new ExportStarOptions
                {
                    StarPath = starPath,
                    TemplatePath = configPath is null ? null : TemplatePathOf(configPath, console),
                    StackPath = stackPath,
                    Extraction = boxSize is { } edge ? new ExtractionOptions { BoxSize = edge } : null,
                    AllowOverwrite = replace,
                };
                return Execute(tablePath, options, console);
            });
        });
        return command;
    }

    private static int Execute(string tablePath, ExportStarOptions options, IAnsiConsole console)
    {
        using var job = ExportStarJob.Prepare(tablePath, Directory.GetCurrentDirectory(), options);
        ConfiguredJob.PrintNotes(console, job.Notes);

        var outcome = job.Run();
        var particles = outcome.Particles;
        var score = particles.FigureOfMeritName is { } name ? $"; rlnAutopickFigureOfMerit is {name}" : "";
        console.WriteLine(
            $"{particles.Particles.Count} particle(s) from {particles.Particles.Select(p => p.MicrographPath).Distinct().Count()} micrograph(s), " +
            $"{particles.Optics.Count} optics group(s), image size {particles.Optics[0].ImageSize} px{score}.");
        if (outcome.Boxes.Count > 0)
        {
            console.WriteLine($"Extracted {outcome.Boxes.Count} box(es) of {options.Extraction!.BoxSize} px (background radius {options.Extraction.EffectiveBackgroundRadius} px).");
        }

        foreach (var file in outcome.WrittenFiles)
        {
            console.WriteLine($"wrote {file}");
        }

        return ExitCodes.Success;
    }

    // Either kind of configuration names the template; a refine_template file is told apart by its particle_stack block.
    private static string TemplatePathOf(string configPath, IAnsiConsole console)
    {
        if (File.Exists(configPath) && RefineRoot().IsMatch(File.ReadAllText(configPath)))
        {
            var refine = RefineTemplateConfig.Load(configPath);
            return ConfiguredJob.Prepare(console, refine, settings => settings.TemplateVolumePath);
        }

        return ConfiguredJob.Prepare(console, MatchTemplateConfig.Load(configPath), settings => settings.TemplateVolumePath);
    }

    [GeneratedRegex(@"^particle_stack\s*:", RegexOptions.Multiline)]
    private static partial Regex RefineRoot();
}
