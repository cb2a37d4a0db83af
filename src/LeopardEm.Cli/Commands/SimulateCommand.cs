using System.CommandLine;
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
        var pixelSize = NumberOptions.Real(
            "--pixel-size", "Voxel size of the template in Å (the micrograph's pixel size).", v => v > 0, "a positive number of Å");
        pixelSize.Required = true;
        var box = NumberOptions.Whole(
            "--box", "Edge length of the cubic template in voxels (even).", n => n >= 2 && n % 2 == 0, "an even number of voxels, at least 2");
        box.Required = true;
        var voltage = NumberOptions.Real("--voltage", "Accelerating voltage in kV.", v => v > 0, "a positive number of kV", 300.0);
        var exposure = NumberOptions.Real(
            "--exposure", "Total exposure in e⁻/Å² for the cumulative dose filter (Grant & Grigorieff 2015).", v => v > 0,
            "a positive number of e/Å²", 30.0);
        var noDose = new Option<bool>("--no-dose-weighting") { Description = "Do not apply the dose filter." };
        var bScale = NumberOptions.Real("--b-factor-scale", "Factor applied to every B-factor of the model.", _ => true, "a number", 1.0);
        var addedB = NumberOptions.Real("--added-b", "B-factor in Å² added to every atom after scaling.", _ => true, "a number of Å²");
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
        var upsampling = NumberOptions.Whole(
            "--upsampling", "Oversampling of the integration grid (1, 2, 4, ...); -1 chooses like ttsim3d (4 above 1.5 Å, 2 above 0.75 Å).",
            n => n is -1 or >= 1, "-1 (automatic) or at least 1", SimulatorConfig.AutomaticUpsampling);
        var mtf = new Option<string?>("--mtf")
        {
            Description = "Multiply by this detector MTF: a RELION STAR file, or a ttsim3d name such as k2_300kv found in $" +
                          MtfCatalog.DirectoryVariable + ".",
        };
        var threads = NumberOptions.Whole("--threads", "Worker threads (default: one per processor).", n => n >= 0, "0 (all processors) or more");
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
