using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Numerics;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Outputs;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Simulation;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard simulate MODEL -o template.mrc</c>: a 2DTM template simulated from an atomic model.</summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var model = new Argument<FileInfo>("model")
        {
            Description = "Atomic model: PDB (.pdb, .ent) or mmCIF (.cif). The first model is used, with every atom of it.",
        };
        var outputFile = new Option<FileInfo>("--output", "-o") { Description = "The template to write (MRC, float32).", Required = true };
        var pixelSize = new Option<double>("--pixel-size") { Description = "Voxel size of the template in Å (the micrograph's pixel size).", Required = true };
        var box = new Option<int>("--box") { Description = "Edge length of the cubic template in voxels (even).", Required = true };
        var voltage = new Option<double>("--voltage") { Description = "Accelerating voltage in kV.", DefaultValueFactory = _ => 300.0 };
        var exposure = new Option<double>("--exposure")
        {
            Description = "Total exposure in e⁻/Å² for the cumulative dose filter (Grant & Grigorieff 2015).",
            DefaultValueFactory = _ => 30.0,
        };
        var noDose = new Option<bool>("--no-dose-weighting") { Description = "Do not apply the dose filter." };
        var bScale = new Option<double>("--b-factor-scale") { Description = "Factor applied to every B-factor of the model.", DefaultValueFactory = _ => 1.0 };
        var addedB = new Option<double>("--added-b") { Description = "B-factor in Å² added to every atom after scaling." };
        var removeHydrogens = new Option<bool>("--remove-hydrogens")
        {
            Description = "Leave out hydrogens (default true; '--remove-hydrogens false' keeps them).",
            DefaultValueFactory = _ => true,
        };
        var removeWaters = new Option<bool>("--remove-waters") { Description = "Leave out water molecules (HOH, WAT, ...)." };
        var center = new Option<bool>("--center-atoms")
        {
            Description = "Put the model's centroid at the box centre, voxel N/2 (default true; 'false' keeps the file's origin there).",
            DefaultValueFactory = _ => true,
        };
        var upsampling = new Option<int>("--upsampling")
        {
            Description = "Oversampling of the integration grid (1, 2, 4, ...); -1 chooses like ttsim3d (4 above 1.5 Å, 2 above 0.75 Å).",
            DefaultValueFactory = _ => SimulatorConfig.AutomaticUpsampling,
        };
        var mtf = new Option<string?>("--mtf")
        {
            Description = "Multiply by this detector MTF: a RELION STAR file, or a ttsim3d name such as k2_300kv found in $" +
                          MtfCatalog.DirectoryVariable + ".",
        };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: one per processor)." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the output file if it exists." };

        var command = new Command(
            "simulate",
            "Simulate a template from an atomic model, like ttsim3d: the electrostatic potential of every atom (5-Gaussian\n" +
            "electron scattering factors, widened by its B-factor) integrated over voxels on a finer grid, Fourier-cropped to\n" +
            "the pixel size, attenuated by the dose filter for the exposure and optionally by a detector MTF.\n\n" +
            "Example:\n  leopard simulate 6zu5.cif --pixel-size 1.0 --box 400 --exposure 30 -o template.mrc")
        {
            model, outputFile, pixelSize, box, voltage, exposure, noDose, bScale, addedB, removeHydrogens, removeWaters,
            center, upsampling, mtf, threads, overwrite,
        };
        pixelSize.Validators.Add(r => Require(r, r.GetValueOrDefault<double>() > 0, "--pixel-size must be a positive number of Å."));
        box.Validators.Add(r => Require(r, r.GetValueOrDefault<int>() is >= 2 and var n && n % 2 == 0, "--box must be an even number of voxels, at least 2."));
        voltage.Validators.Add(r => Require(r, r.GetValueOrDefault<double>() > 0, "--voltage must be positive (kV)."));
        exposure.Validators.Add(r => Require(r, r.GetValueOrDefault<double>() > 0, "--exposure must be positive (e/Å²)."));
        upsampling.Validators.Add(r => Require(r, r.GetValueOrDefault<int>() is -1 or >= 1, "--upsampling must be -1 (automatic) or at least 1."));
        threads.Validators.Add(r => Require(r, r.GetValueOrDefault<int>() >= 0, "--threads must be 0 (all processors) or more."));
        command.SetAction((parse, cancellation) =>
        {
            var settings = new SimulatorSettings
            {
                PdbFilepath = parse.GetRequiredValue(model).FullName,
                PixelSpacing = parse.GetValue(pixelSize),
                VolumeShape = [parse.GetValue(box), parse.GetValue(box), parse.GetValue(box)],
                CenterAtoms = parse.GetValue(center),
                RemoveHydrogens = parse.GetValue(removeHydrogens),
                RemoveWaters = parse.GetValue(removeWaters),
                BFactorScaling = parse.GetValue(bScale),
                AdditionalBFactor = parse.GetValue(addedB),
                SimulatorConfig = new SimulatorConfig
                {
                    Voltage = parse.GetValue(voltage),
                    ApplyDoseWeighting = !parse.GetValue(noDose),
                    DoseEnd = parse.GetValue(exposure),
                    ApplyDqe = parse.GetValue(mtf) is not null,
                    MtfReference = parse.GetValue(mtf) ?? "",
                    Upsampling = parse.GetValue(upsampling),
                },
            };
            var target = parse.GetRequiredValue(outputFile).FullName;
            var (allowOverwrite, threadCount) = (parse.GetValue(overwrite), parse.GetValue(threads));
            return CancellableRun.Start(error, cancellation, () => Execute(settings, target, allowOverwrite, threadCount, output, cancellation));
        });
        return command;
    }

    private static void Require(OptionResult result, bool condition, string message)
    {
        if (!condition)
        {
            result.AddError(message);
        }
    }

    private static int Execute(
        SimulatorSettings settings, string target, bool overwrite, int threads, TextWriter output, CancellationToken cancellation)
    {
        var problems = settings.Validate("");
        if (problems.Count > 0)
        {
            throw new SettingsValidationException(problems);
        }

        var outputs = new OutputSet<Volume3D>(
            [
                new MrcOutput<Volume3D>(
                    OutputTarget.Resolve("--output", target, Directory.GetCurrentDirectory()), volume => volume, settings.PixelSpacing,
                    Invariant($"leopard simulate {Path.GetFileName(settings.PdbFilepath)} {settings.PixelSpacing} A/px")),
            ],
            overwrite, "; pass --overwrite to replace it.");
        SettingsValidationException.ThrowIfAny(outputs.Check([("pdb_filepath", Path.GetFullPath(settings.PdbFilepath))]));

        var console = ConsoleFactory.For(output);
        var watch = Stopwatch.StartNew();
        var inputs = TemplateSimulationInputs.Load(settings, Directory.GetCurrentDirectory());
        var simulator = new PotentialSimulator(settings, inputs.Mtf, threads: threads);
        var selected = simulator.SelectAtoms(inputs.Model).Atoms.Count;
        // Plain writes: Spectre would wrap these lines at 80 columns in logs.
        output.WriteLine(Invariant(
            $"{Path.GetFileName(settings.PdbFilepath)}: {inputs.Model.Atoms.Count:N0} atoms read, {selected:N0} simulated. ") +
            Describe(simulator));
        var volume = SimulationProgressDisplay.Run(console, progress => simulator.Simulate(inputs.Model, progress, cancellation));
        cancellation.ThrowIfCancellationRequested();
        outputs.CreateDirectories();
        outputs.Publish(volume);
        output.WriteLine(Invariant($"wrote {target} in {watch.Elapsed.TotalSeconds:F1} s"));
        return ExitCodes.Success;
    }

    private static string Describe(PotentialSimulator simulator)
    {
        var grid = simulator.Grid;
        var config = simulator.Settings.SimulatorConfig;
        var dose = config.ApplyDoseWeighting
            ? Invariant($"dose filter {config.DoseStart:G}-{config.DoseEnd:G} e/Å²")
            : "no dose filter";
        var mtf = config.ApplyDqe ? $"MTF {config.MtfReference}" : "no MTF";
        return Invariant($"{grid.Size}³ voxels of {grid.PixelSize:G} Å, integrated {grid.Upsampling}x finer, {config.Voltage:G} kV, ") +
               $"{dose}, {mtf}.";
    }
}
