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
        var outputStar = new Option<FileInfo?>("--output-star")
        {
            Description = "Also write the particles as a RELION 3.1 particle STAR file (micrograph paths relative to its folder).",
        };
        var ctf = new Option<FileInfo?>("--ctf")
        {
            Description = "Take defocus_u/v, astigmatism_angle and phase_shift from a CTFFIND4 results file or a RELION micrographs_ctf.star " +
                          "(the micrograph's row) instead of the YAML's optics_group.",
        };
        var shards = new ShardOptionSet();
        var micrographs = new MicrographsOptionSet(runDirectoryRequired: false);
        var command = new Command(
            "match-template",
            "Search a micrograph for every copy of a template: position, orientation (ZYZ Euler angles) and defocus.\n" +
            "Writes Leopard-EM's 8 statistics maps (MRC) to the paths in the YAML's match_template_result block and,\n" +
            "with --output-csv, the particle table with Leopard-EM's columns (--output-star: the same particles for RELION).\n" +
            "The micrograph is expected as recorded (particles darker than the background), with even width and height;\n" +
            "the template is a cube at the micrograph's pixel size. Exit codes: 0 ok, 1 failure, 2 usage, 130 Ctrl-C, 143 SIGTERM.\n\n" +
            "Examples:\n  leopard match-template config.yaml --output-csv particles.csv --threads 8\n" +
            "  leopard match-template config.yaml --ctf ctffind_output.txt --output-star particles.star\n" +
            "  leopard match-template config.yaml --shard 2/8 --partial parts/shard-2.partial   (then: leopard merge)\n" +
            "  leopard match-template config.yaml --micrographs micrographs_ctf.star --run-dir run/   (one folder per micrograph)\n\n" +
            "Long runs save a checkpoint every 5 minutes (--checkpoint-interval) beside the MIP map (or the partial file);\n" +
            "rerunning the same command after a kill, a crash or a SLURM preemption continues from it.");
        command.Add(config);
        options.AddTo(command);
        command.Add(outputStar);
        command.Add(ctf);
        shards.AddTo(command);
        micrographs.AddTo(command);
        command.Validators.Add(result => MicrographsRunChecks(result, micrographs));
        command.SetAction((parse, cancellation) =>
        {
            var run = shards.Read(parse, options.Read(parse) with
            {
                OutputStarPath = parse.GetValue(outputStar)?.FullName,
                CtfPath = parse.GetValue(ctf)?.FullName,
            });
            var backend = options.Compute.Backend(parse);
            var path = parse.GetRequiredValue(config).FullName;
            if (micrographs.Table(parse) is { } table)
            {
                return CancellableRun.Start(error, cancellation, () => Runs.DatasetRun.Execute(
                    path, table, micrographs.Root(parse), run, backend, ConsoleFactory.For(output), cancellation));
            }

            return CancellableRun.Start(error, cancellation, () => Execute(path, run, backend, output, cancellation));
        });
        return command;
    }

    // A run over micrographs writes each one's outputs in its folder; the options that name single outputs do not apply.
    private static void MicrographsRunChecks(System.CommandLine.Parsing.CommandResult result, MicrographsOptionSet micrographs)
    {
        if (result.GetResult(micrographs.Micrographs) is null)
        {
            if (result.GetResult(micrographs.RunDirectory) is not null)
            {
                result.AddError("--run-dir goes with --micrographs (a single search writes where its configuration says).");
            }

            return;
        }

        var given = new[] { "--shard", "--partial", "--output-csv", "--output-star", "--ctf", "--coords", "--full-size-maps", "--plots" }
            .Where(name => result.Children.OfType<System.CommandLine.Parsing.OptionResult>().Any(o => o.Option.Name == name && !o.Implicit))
            .ToList();
        if (given.Count > 0)
        {
            result.AddError(
                $"--micrographs writes each micrograph's maps and particles.csv to its folder in --run-dir (and the combined particles.csv); " +
                $"{string.Join(", ", given)} do not apply (for a split search on a cluster: leopard slurm match-template).");
        }
    }

    private static int Execute(
        string configPath, MatchTemplateOptions options, Func<GpuIds, ComputeBackend> backend, TextWriter output, CancellationToken cancellation)
    {
        Search(configPath, options, backend, ConsoleFactory.For(output), cancellation);
        return ExitCodes.Success;
    }

    /// <summary>Loads a configuration and runs its search as <c>leopard match-template</c> does: warnings, the summary
    /// with the time estimate, progress, then what was found and written (or, for a shard, the partial result).
    /// Relative paths resolve against the current directory.</summary>
    internal static MatchTemplateOutcome? Search(
        string configPath, MatchTemplateOptions options, Func<GpuIds, ComputeBackend> backend, IAnsiConsole console, CancellationToken cancellation)
    {
        var loaded = MatchTemplateConfig.Load(configPath);
        using var job = ConfiguredJob.Prepare(
            console, loaded,
            settings => MatchTemplateJob.Prepare(
                settings, Directory.GetCurrentDirectory(), ShardOptionSet.Complete(options, settings), backend(settings.ComputationalConfig.GpuIds)));
        var printed = ConfiguredJob.PrintNotes(console, job.Notes);
        var perCorrelation = job.MeasureSecondsPerCorrelation();
        SearchSummary.Before(console, job, perCorrelation);
        try
        {
            if (options.PartialPath is not null)
            {
                var part = SearchProgressDisplay.Run(console, job.TotalCorrelations, progress => job.RunPart(progress, cancellation));
                ConfiguredJob.PrintNotes(console, job.Notes, printed);
                console.WriteLine(FormattableString.Invariant(
                    $"wrote {job.PartOutputs.Paths[0]}: correlations [{part.Range.Start:N0}, {part.Range.End:N0}) of {job.TotalCorrelations:N0}"));
                return null;
            }

            var outcome = SearchProgressDisplay.Run(console, job.TotalCorrelations, progress => job.Run(progress, cancellation));
            ConfiguredJob.PrintNotes(console, job.Notes, printed);
            SearchSummary.After(console, job, outcome);
            return outcome;
        }
        catch (OperationCanceledException)
        {
            ConfiguredJob.PrintNotes(console, job.Notes, printed);
            throw;
        }
    }
}
