using System.CommandLine;
using LeopardEm.Compute;
using LeopardEm.Config;
using LeopardEm.Demo;
using LeopardEm.Programs;
using LeopardEm.Settings;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard demo</c>: plants copies of a built-in template in a synthetic micrograph, searches it exactly
/// as <c>leopard match-template</c> would, and checks that every copy was found.</summary>
internal static class DemoCommand
{
    private const string Small = "small";
    private const string Default = "default";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var outDirectory = new Option<DirectoryInfo>("--out")
        {
            Description = $"Directory for the inputs, configuration and results (default: ./{DemoScenario.DefaultDirectory}).",
            DefaultValueFactory = _ => new DirectoryInfo(DemoScenario.DefaultDirectory),
        };
        var threads = NumberOptions.Whole("--threads", "Worker threads (default: one per processor).", n => n >= 0, "0 (all processors) or more");
        var size = new Option<string>("--size")
        {
            Description = "default: 1024 x 1024 px micrograph, 12 particles (1-2 minutes on 2 cores); small: 256 x 256 px, 4 particles (seconds).",
            DefaultValueFactory = _ => Default,
        };
        size.AcceptOnlyFromAmong(Default, Small);
        var force = new Option<bool>("--force")
        {
            Description = "Overwrite the files of an earlier demo in the output directory.",
        };
        var command = new Command(
            "demo",
            "Plant copies of a built-in template in a synthetic micrograph (known positions, orientations and defoci, Gaussian\n" +
            "noise), write the template, micrograph and a Leopard-EM configuration, run the full match_template search on them\n" +
            "and compare what was found with what was planted. Exit code 1 when a planted particle is missed.\n\n" +
            "Example:\n  leopard demo --out my-demo\n  leopard match-template my-demo/match_template.yaml   # rerun the search on the same files");
        command.Add(outDirectory);
        command.Add(threads);
        command.Add(size);
        command.Add(force);
        command.SetAction((parse, cancellation) =>
        {
            var preset = parse.GetValue(size) == Small ? DemoScenarioOptions.Small : DemoScenarioOptions.Default;
            var directory = parse.GetRequiredValue(outDirectory).ToString();
            var threadCount = parse.GetValue(threads);
            var overwrite = parse.GetValue(force);
            return CancellableRun.Start(error, cancellation, () => Execute(directory, preset, threadCount, overwrite, output, cancellation));
        });
        return command;
    }

    private static int Execute(
        string directory, DemoScenarioOptions preset, int threads, bool force, TextWriter output, CancellationToken cancellation)
    {
        var console = ConsoleFactory.For(output);
        var workingDirectory = Directory.GetCurrentDirectory();
        // Paths in the configuration are relative to where the search runs, as Leopard-EM resolves them.
        var prefix = Path.IsPathRooted(directory) ? Path.GetFullPath(directory) : Path.GetRelativePath(workingDirectory, Path.GetFullPath(directory));
        if (File.Exists(directory))
        {
            throw new IOException($"--out '{directory}' is a file; give a directory for the demo's files (it is created if needed).");
        }

        var scenario = DemoScenario.Create(preset, prefix);
        var existing = scenario.Files.Where(f => File.Exists(MatchTemplatePaths.Resolve(f, workingDirectory))).ToList();
        if (existing.Count > 0 && !force)
        {
            throw new IOException(
                $"'{prefix}' already holds demo files ({string.Join(", ", existing.Take(3))}{(existing.Count > 3 ? ", ..." : "")}); " +
                "pass --force to overwrite them or --out to choose another directory.");
        }

        var options = scenario.Options;
        console.WriteLine(
            Invariant($"Planted {scenario.Particles.Count} copies of a {options.TemplateSize}³ template in a {options.ImageSize} x {options.ImageSize} px micrograph ") +
            Invariant($"({options.PixelSize} Å/px, signal-to-noise ratio {options.SignalToNoise} each, seed {options.Seed}): half on the search grid, ") +
            Invariant($"half {options.OffGridFraction * options.AngularStep:F1}° off it and between defocus planes."));
        scenario.WriteInputs(workingDirectory, overwrite: true);
        var config = MatchTemplatePaths.Resolve(scenario.ConfigPath, workingDirectory);
        MatchTemplateConfig.Save(scenario.Settings, config);
        console.WriteLine($"wrote {MatchTemplatePaths.Resolve(scenario.Settings.TemplateVolumePath, workingDirectory)}");
        console.WriteLine($"wrote {MatchTemplatePaths.Resolve(scenario.Settings.MicrographPath, workingDirectory)}");
        console.WriteLine($"wrote {config}");
        console.WriteLine();

        var outcome = MatchTemplateCommand.Search(
            config, new MatchTemplateOptions { Threads = threads, OutputCsvPath = scenario.ParticleTablePath },
            _ => DeviceBackends.Select(BackendKind.Cpu, LeopardEm.Settings.GpuIds.Cpu), console, cancellation)!;
        var found = FoundParticle.FromSearch(outcome.Peaks, outcome.Maps, options.TemplateSize);
        var report = ParticleMatcher.Match(scenario.Particles, found);
        console.WriteLine();
        RecoveryTable.Write(console, scenario, report);
        console.WriteLine();
        console.WriteLine(Invariant(
            $"Refining the {outcome.Peaks.Count} particle(s) found over ± one grid step in {DemoRefinement.Subdivisions} fine steps per side (refine_template)..."));
        using var refine = DemoRefinement.Prepare(scenario, outcome, threads);
        var refined = SearchProgressDisplay.Run(console, refine.TotalCorrelations, progress => refine.Run(progress, cancellation));
        RefinementTable.Write(console, DemoRefinement.Compare(report, found, refined), refined.SearchSeconds);

        console.WriteLine($"Rerun the search on these files with: leopard match-template {scenario.ConfigPath}");
        return report.AllFound ? ExitCodes.Success : ExitCodes.RuntimeFailure;
    }
}
