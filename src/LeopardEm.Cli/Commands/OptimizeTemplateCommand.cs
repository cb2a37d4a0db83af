using System.CommandLine;
using LeopardEm.Compute;
using LeopardEm.Config;
using LeopardEm.Programs;
using LeopardEm.Settings;
using Spectre.Console;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard optimize-template CONFIG.yaml</c>: the template pixel size (and optionally additional B-factor)
/// that best matches a set of particles, configured by a Leopard-EM optimize_template YAML file.</summary>
internal static class OptimizeTemplateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Argument<FileInfo>("config")
        {
            Description = "Leopard-EM optimize_template YAML (the same file Leopard-EM reads). Relative paths in it and in the particle table are resolved against the current directory.",
        };
        var outputCsv = new Option<FileInfo?>("--output-csv")
        {
            Description = "Where to write the score curve: one row per evaluated template (stage, pixel_size, additional_b_factor, score, particles_used), in evaluation order.",
        };
        var outputText = new Option<FileInfo?>("--output-text")
        {
            Description = "Where to write the result in Leopard-EM's text format ('Optimal template px: X.XXX Å'; 'Best B-factor: ...' after a B-factor scan).",
        };
        var template = new Option<FileInfo?>("--write-template")
        {
            Description = "Where to write the template simulated at the optimum (MRC, float32, voxel size in the header).",
        };
        var bFactor = new Option<BFactorScan?>("--b-factor")
        {
            Description = "Also scan the template's additional B-factor over MIN:MAX:STEP Å² (e.g. 0:200:10; write --b-factor=-20:100:10 for a "
                + "negative start) at the optimal pixel size (at simulator.pixel_spacing when pixel_size_coarse_search is disabled), "
                + "stopping after two falls in a row, like Leopard-EM's optimize_b_factor.py.",
            CustomParser = result =>
            {
                var token = string.Join(' ', result.Tokens.Select(t => t.Value));
                var scan = BFactorScan.TryParse(token);
                var problem = scan is null ? "three numbers MIN:MAX:STEP in Å², e.g. 0:200:10" : scan.Problem();
                if (problem is not null)
                {
                    result.AddError($"--b-factor must be {problem}; got '{token}'.");
                    return null;
                }

                return scan;
            },
        };
        var minSnr = NumberOptions.OptionalReal(
            "--min-snr", "Score a template by the particles whose refined z-score is at least this (all of them when none is). "
                         + $"Default {OptimizeTemplateOptions.DefaultMinSnr:G} unless --best-n is given, as in Leopard-EM.", _ => true, "a number");
        var bestN = NumberOptions.Whole(
            "--best-n", "Score a template by its best N particles only (after --min-snr); 0 for no limit.", n => n >= 0, "0 (no limit) or more");
        var consecutive = NumberOptions.Whole(
            "--consecutive-threshold", "Stop the fine pass after this many candidates in a row that do not beat the one before (the coarse "
                                       + "pass stops after 2, as in Leopard-EM).", n => n >= 1, "at least 1", 2);
        var compute = new ComputeOptionSet();
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace output files that exist." };
        var command = new Command(
            "optimize-template",
            "Find the template pixel size that best matches a set of particles (normally refine-template's): for each candidate\n" +
            "pixel size the template is simulated from the atomic model, every particle is scored against it at its own orientation\n" +
            "and defocus (its position may move within its box), and the template's score is the mean refined z-score of the\n" +
            "particles above the threshold. A coarse pass around simulator.pixel_spacing, then a fine pass around the best value,\n" +
            "each stopping when the score falls twice in a row. Prints the score curve and 'optimal pixel size: X Å'.\n\n" +
            "Example:\n  leopard optimize-template optimize.yaml --output-csv curve.csv --write-template best.mrc --threads 8");
        command.Add(config);
        command.Add(outputCsv);
        command.Add(outputText);
        command.Add(template);
        command.Add(bFactor);
        command.Add(minSnr);
        command.Add(bestN);
        command.Add(consecutive);
        compute.AddTo(command);
        command.Add(overwrite);
        command.SetAction((parse, cancellation) =>
        {
            var options = new OptimizeTemplateOptions
            {
                OutputCsvPath = parse.GetValue(outputCsv)?.FullName,
                OutputTextPath = parse.GetValue(outputText)?.FullName,
                TemplatePath = parse.GetValue(template)?.FullName,
                BFactorScan = parse.GetValue(bFactor),
                MinSnr = parse.GetValue(minSnr),
                BestN = parse.GetValue(bestN) is > 0 and var n ? n : null,
                ConsecutiveThreshold = parse.GetValue(consecutive),
                Threads = compute.Threads(parse),
                SliceConvention = compute.SliceConvention(parse),
                AllowOverwrite = parse.GetValue(overwrite),
            };
            var backend = compute.Backend(parse);
            var path = parse.GetRequiredValue(config).FullName;
            return CancellableRun.Start(error, cancellation, () => Execute(path, options, backend, output, cancellation));
        });
        return command;
    }

    private static int Execute(
        string configPath, OptimizeTemplateOptions options, Func<GpuIds, ComputeBackend> backend, TextWriter output, CancellationToken cancellation)
    {
        var console = ConsoleFactory.For(output);
        using var job = ConfiguredJob.Prepare(
            console, OptimizeTemplateConfig.Load(configPath),
            settings => OptimizeTemplateJob.Prepare(settings, Directory.GetCurrentDirectory(), options, backend(settings.ComputationalConfig.GpuIds)));
        ConfiguredJob.PrintNotes(console, job.Notes);

        OptimizeSummary.Before(output, job);
        var outcome = job.Run(new LineProgress(evaluation => OptimizeSummary.Progress(output, evaluation)), cancellation);
        OptimizeSummary.After(console, output, outcome);
        return ExitCodes.Success;
    }

    // Reports synchronously on the job's thread, so each line appears as soon as its candidate is scored.
    private sealed class LineProgress(Action<TemplateEvaluation> report) : IProgress<TemplateEvaluation>
    {
        public void Report(TemplateEvaluation value) => report(value);
    }
}
