using System.CommandLine;
using LeopardEm.Compute;
using LeopardEm.Config;
using LeopardEm.Interop;
using LeopardEm.Orientations;
using LeopardEm.Programs;
using LeopardEm.Settings;
using Spectre.Console;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard refine-template CONFIG.yaml</c>: local refinement of the particles of a match_template run,
/// configured by a Leopard-EM refine_template YAML file.</summary>
internal static class RefineTemplateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Argument<FileInfo>("config")
        {
            Description = "Leopard-EM refine_template YAML (the same file Leopard-EM reads). Relative paths in it and in the particle table are resolved against the current directory.",
        };
        var outputCsv = new Option<FileInfo>("--output-csv")
        {
            Description = "Where to write the refined particle table (Leopard-EM's refine columns, pandas layout).",
            Required = true,
        };
        var outputStar = new Option<FileInfo?>("--output-star")
        {
            Description = "Also write the refined particles as a RELION 3.1 particle STAR file (micrograph paths relative to its folder).",
        };
        var matchConfigs = new Option<FileInfo[]>("--match-template-config")
        {
            Description = "When particle_stack.df_path is a RELION particle STAR file: the match_template YAML of a micrograph of its particles, " +
                          "whose match_template_result maps give the z-scores (repeat once per micrograph).",
        };
        var micrographDir = new Option<DirectoryInfo?>("--micrograph-dir")
        {
            Description = "When particle_stack.df_path is a RELION particle STAR file: the folder of its micrographs (each is this folder " +
                          "plus the file name in rlnMicrographName); default: names relative to the STAR file's folder.",
        };
        var compute = new ComputeOptionSet();
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the output CSV if it exists." };
        var leopardGrid = new Option<bool>("--leopard-local-grid")
        {
            Description = "Search Leopard-EM's own orientation offsets (a tilt arc and a one-sided psi range; the phi settings are "
                + "ignored) instead of the symmetric grid over every configured range, to compare with Leopard-EM.",
        };
        var command = new Command(
            "refine-template",
            "Refine each particle of a particle table (from match-template or an earlier refine-template) by a local search:\n" +
            "orientation offsets around its Euler angles, defocus and pixel-size offsets, and positions within the box.\n" +
            "Scores are z-scores against the full search's mean and standard-deviation maps named in the table. The table may\n" +
            "also be a RELION 3.1 particle STAR file; its maps then come from the match_template YAML of each micrograph.\n" +
            "Micrographs are expected as recorded (particles darker than the background). Exit codes: 0 ok, 1 failure,\n" +
            "2 usage, 130 Ctrl-C, 143 SIGTERM.\n\n" +
            "Examples:\n  leopard refine-template refine.yaml --output-csv refined.csv --threads 8\n" +
            "  leopard refine-template refine_star.yaml --match-template-config match_template.yaml --output-csv refined.csv --output-star refined.star");
        command.Add(config);
        command.Add(outputCsv);
        command.Add(outputStar);
        command.Add(matchConfigs);
        command.Add(micrographDir);
        compute.AddTo(command);
        command.Add(overwrite);
        command.Add(leopardGrid);
        command.SetAction((parse, cancellation) =>
        {
            var options = new RefineTemplateOptions
            {
                OutputCsvPath = parse.GetRequiredValue(outputCsv).FullName,
                Threads = compute.Threads(parse),
                AllowOverwrite = parse.GetValue(overwrite),
                LocalGrid = parse.GetValue(leopardGrid) ? LocalGridConvention.Leopard : LocalGridConvention.Symmetric,
                SliceConvention = compute.SliceConvention(parse),
                OutputStarPath = parse.GetValue(outputStar)?.FullName,
                MicrographDirectory = parse.GetValue(micrographDir)?.FullName,
            };
            var searches = (parse.GetValue(matchConfigs) ?? []).Select(f => f.FullName).ToList();
            var backend = compute.Backend(parse);
            var path = parse.GetRequiredValue(config).FullName;
            return CancellableRun.Start(error, cancellation, () => Execute(path, options, searches, backend, output, cancellation));
        });
        return command;
    }

    private static int Execute(
        string configPath, RefineTemplateOptions options, IReadOnlyList<string> matchTemplateConfigs, Func<GpuIds, ComputeBackend> backend,
        TextWriter output, CancellationToken cancellation)
    {
        var console = ConsoleFactory.For(output);
        options = options with
        {
            MatchTemplateRuns = [.. matchTemplateConfigs.Select(path =>
                new MatchTemplateRun(path, ConfiguredJob.Prepare(console, MatchTemplateConfig.Load(path), settings => settings)))],
        };
        using var job = ConfiguredJob.Prepare(
            console, RefineTemplateConfig.Load(configPath),
            settings => RefineTemplateJob.Prepare(settings, Directory.GetCurrentDirectory(), options, backend(settings.ComputationalConfig.GpuIds)));
        ConfiguredJob.PrintNotes(console, job.Notes);

        RefineSummary.Before(console, job, job.MeasureSecondsPerCorrelation());
        var outcome = SearchProgressDisplay.Run(console, job.TotalCorrelations, progress => job.Run(progress, cancellation));
        RefineSummary.After(console, job, outcome);
        return ExitCodes.Success;
    }
}
