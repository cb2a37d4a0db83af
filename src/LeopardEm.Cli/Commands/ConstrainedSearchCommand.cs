using System.CommandLine;
using LeopardEm.Compute;
using LeopardEm.Config;
using LeopardEm.Programs;
using LeopardEm.Settings;
using Spectre.Console;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard constrained-search CONFIG.yaml</c>: search a small particle next to each particle of a large one,
/// configured by a Leopard-EM constrained-search YAML file.</summary>
internal static class ConstrainedSearchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Argument<FileInfo>("config")
        {
            Description = "Leopard-EM constrained_search YAML (the same file Leopard-EM reads). Relative paths in it and in the particle tables are resolved against the current directory.",
        };
        var outputCsv = new Option<FileInfo>("--output-csv")
        {
            Description = "Where to write the table of every match (Leopard-EM's constrained columns); NAME_parameters.csv and "
                + "NAME_above_threshold.csv are written next to it.",
            Required = true,
        };
        var falsePositives = NumberOptions.Real(
            "--false-positives", "Expected false detections per reference particle that set the z-score threshold (default 0.005).",
            v => v > 0, "a positive number", ConstrainedSearchOptions.DefaultFalsePositives);
        var compute = new ComputeOptionSet();
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the output CSVs if they exist." };
        var command = new Command(
            "constrained-search",
            "Search a small particle B next to every particle of a large reference particle A (from match-template or\n" +
            "refine-template): in A's box, at A's orientation composed with relative orientations about a rotation axis, at A's\n" +
            "defocus corrected for B's depth. Scores are z-scores against B's full-search mean and standard-deviation maps; the\n" +
            "threshold comes from the expected false positives per particle over this much smaller search space.\n\n" +
            "Example:\n  leopard constrained-search constrained.yaml --output-csv constrained.csv --threads 8");
        command.Add(config);
        command.Add(outputCsv);
        command.Add(falsePositives);
        compute.AddTo(command);
        command.Add(overwrite);
        command.SetAction((parse, cancellation) =>
        {
            var options = new ConstrainedSearchOptions
            {
                OutputCsvPath = parse.GetRequiredValue(outputCsv).FullName,
                FalsePositives = parse.GetValue(falsePositives),
                Threads = compute.Threads(parse),
                AllowOverwrite = parse.GetValue(overwrite),
                SliceConvention = compute.SliceConvention(parse),
            };
            var backend = compute.Backend(parse);
            var path = parse.GetRequiredValue(config).FullName;
            return CancellableRun.Start(error, cancellation, () => Execute(path, options, backend, output, cancellation));
        });
        return command;
    }

    private static int Execute(
        string configPath, ConstrainedSearchOptions options, Func<GpuIds, ComputeBackend> backend, TextWriter output, CancellationToken cancellation)
    {
        var console = ConsoleFactory.For(output);
        using var job = ConfiguredJob.Prepare(
            console, ConstrainedSearchConfig.Load(configPath),
            settings => ConstrainedSearchJob.Prepare(settings, Directory.GetCurrentDirectory(), options, backend(settings.ComputationalConfig.GpuIds)));
        ConfiguredJob.PrintNotes(console, job.Notes);

        ConstrainedSearchSummary.Before(console, job);
        var outcome = SearchProgressDisplay.Run(console, job.TotalCorrelations, progress => job.Run(progress, cancellation));
        ConstrainedSearchSummary.After(console, job, outcome);
        return ExitCodes.Success;
    }
}
