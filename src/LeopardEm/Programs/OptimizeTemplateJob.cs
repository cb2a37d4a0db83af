using System.Diagnostics;
using LeopardEm.Compute;
using LeopardEm.Imaging;
using LeopardEm.Orientations;
using LeopardEm.Outputs;
using LeopardEm.Particles;
using LeopardEm.Projection;
using LeopardEm.Search;
using LeopardEm.Settings;
using LeopardEm.Simulation;
using static System.FormattableString;

namespace LeopardEm.Programs;

/// <summary>
/// A prepared optimize_template run (spec other_programs §4): finds the template pixel size (and, on request, the
/// additional B-factor) that best matches a set of particles. Each candidate template is simulated from the atomic
/// model with the configured simulator at that pixel size, every particle is refined against it with the refine core
/// (<see cref="RefineSearch"/>, <see cref="ParticleBoxes"/>, <see cref="IRefineBackend"/>) at its own orientation and
/// defocus, only the position moving within its box, and the candidate scores the mean refined z-score of the particles
/// that count (<see cref="TemplateScore"/>). A coarse pass over <c>pixel_spacing</c> + the coarse offsets and a fine
/// pass around the best coarse value each stop early when the score keeps falling (<see cref="EarlyStopping"/>).
/// </summary>
/// <remarks>
/// A run shares what its candidates have in common: the model is read once, each micrograph is filtered once and the
/// statistics maps read once, FFT plans are reused from one candidate to the next, and a candidate already scored by an
/// earlier pass is not simulated again. Changing the template's pixel size rescales the structure against the
/// micrograph's pixel grid, whose pixel size (and so the CTF) stays the table's.
/// </remarks>
public sealed class OptimizeTemplateJob : IDisposable
{
    // Upstream hard-codes the coarse pass's (and optimize_b_factor.py's) stopping threshold.
    private const int CoarseThreshold = 2;

    // Candidates are offsets (float32 grid values) added to a pixel size; rounding to a millionth of an Å removes the
    // binary noise so that the fine pass meets coarse values exactly and the curve prints cleanly.
    private const int PixelSizeDecimals = 6;

    private readonly ComputeBackend _backend;
    private readonly TemplateSimulationInputs _simulation;
    private readonly Func<string, Image2D> _images;
    private readonly List<string> _notes;
    private readonly Dictionary<(double PixelSize, double BFactor), TemplateEvaluation> _scored = [];
    private ParticleBoxes? _boxes;

    private OptimizeTemplateJob(
        OptimizeTemplateSettings settings, OptimizeTemplateOptions options, ParticleStack particles,
        TemplateSimulationInputs simulation, Func<string, Image2D> images, ComputeBackend backend,
        OutputSet<OptimizeTemplateOutcome> outputs)
    {
        Settings = settings;
        Options = options;
        Particles = particles;
        _simulation = simulation;
        _images = images;
        _backend = backend;
        Outputs = outputs;
        SimulatedAtomCount = Simulator(settings.Simulator.PixelSpacing, settings.Simulator.AdditionalBFactor)
            .SelectAtoms(simulation.Model).Atoms.Count;
        _notes = [.. particles.Notes];
        if (particles.Particles.Any(p => p.HasAberrations))
        {
            _notes.Add("Zernike coefficients and magnification matrices in the table are not applied (as in match_template).");
        }

        if (backend.Note is { } note)
        {
            _notes.Add(note);
        }
    }

    /// <summary>The validated settings.</summary>
    public OptimizeTemplateSettings Settings { get; }

    /// <summary>Run-time options.</summary>
    public OptimizeTemplateOptions Options { get; }

    /// <summary>The particles that score each template.</summary>
    public ParticleStack Particles { get; }

    /// <summary>The files <see cref="Run"/> writes.</summary>
    public OutputSet<OptimizeTemplateOutcome> Outputs { get; }

    /// <summary>Things worth telling the user before the run (column fallbacks, ignored table values, backend
    /// choice).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The refine backend's name.</summary>
    public string BackendName => _backend.Refine.Name;

    /// <summary>Number of distinct micrographs the particles come from.</summary>
    public int MicrographCount => Particles.Particles.Select(p => p.MicrographPath).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Atoms read from the model.</summary>
    public int AtomCount => _simulation.Model.Atoms.Count;

    /// <summary>Atoms simulated (after removing hydrogens and/or waters as configured).</summary>
    public int SimulatedAtomCount { get; }

    /// <summary>The coarse pass's candidate pixel sizes in Å, in order (empty when the pixel-size search is
    /// disabled); the pass may stop before the last.</summary>
    public IReadOnlyList<double> CoarsePixelSizes => Settings.PixelSizeCoarseSearch.Enabled
        ? PixelSizesAround(Settings.Simulator.PixelSpacing, Settings.PixelSizeCoarseSearch)
        : [];

    /// <summary>Candidates of the fine pass per centre (its offsets), or 0 when it is disabled.</summary>
    public int FineCandidateCount => Settings.PixelSizeCoarseSearch.Enabled && Settings.PixelSizeFineSearch.Enabled
        ? Settings.PixelSizeFineSearch.GetPixelSizeOffsets().Length
        : 0;

    /// <summary>
    /// Checks the settings, options and input paths and claims the outputs (<see cref="OutputSet{TResult}.Claim"/>),
    /// then reads the particle table, the atomic model and the detector MTF.
    /// </summary>
    /// <param name="settings">Settings (validated here).</param>
    /// <param name="baseDirectory">Directory relative paths, in the settings and in the table, are resolved against
    /// (Leopard-EM: the current directory).</param>
    /// <param name="options">Run-time options.</param>
    /// <param name="backend">What the refinements compute on; the CPU on the default FFT engine when null.</param>
    /// <exception cref="SettingsValidationException">Invalid settings, missing input files, unwritable outputs, or
    /// nothing to optimise (no pixel-size search and no B-factor scan).</exception>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="FormatException">The particle table lacks columns or has unusable values.</exception>
    public static OptimizeTemplateJob Prepare(
        OptimizeTemplateSettings settings, string baseDirectory, OptimizeTemplateOptions options, ComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(options);
        settings.ThrowIfInvalid();
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems) + ".");
        }

        if (!settings.PixelSizeCoarseSearch.Enabled && options.BFactorScan is null)
        {
            const string key = OptimizeTemplateSettings.CoarseKey + ".enabled";
            throw new SettingsValidationException(
            [
                new SettingsProblem(key, $"{key} is false and no B-factor scan was asked for: there is nothing to optimise."),
            ]);
        }

        var outputs = OutputsOf(options, baseDirectory);
        var repaired = outputs.Claim(
            [
                (ParticleStackConfig.YamlKey + ".df_path", MatchTemplatePaths.Resolve(settings.ParticleStack.DfPath, baseDirectory)),
                (SimulatorSettings.YamlKey + ".pdb_filepath", MatchTemplatePaths.Resolve(settings.Simulator.PdbFilepath, baseDirectory)),
            ],
            OptimizeTemplatePaths.Check(settings, baseDirectory, options.MtfDirectory));
        try
        {
            var stack = ParticleStack.Read(MatchTemplatePaths.Resolve(settings.ParticleStack.DfPath, baseDirectory));
            var simulation = TemplateSimulationInputs.Load(settings.Simulator, baseDirectory, options.MtfDirectory);
            var images = new ParticleImageFiles(stack.SourceName, baseDirectory).Read;
            var job = new OptimizeTemplateJob(settings, options, stack, simulation, images, backend ?? ComputeBackend.Cpu(), outputs);
            job._notes.AddRange(repaired);
            return job;
        }
        catch
        {
            outputs.Dispose();
            throw;
        }
    }

    /// <summary>Runs the passes and writes the outputs (all or none).</summary>
    /// <param name="progress">Receives each evaluation as soon as it is scored; may be null.</param>
    /// <param name="cancellation">Cancels between and within simulations and refinements; nothing is written after
    /// cancellation.</param>
    /// <exception cref="FormatException">A particle cannot be refined (it lies outside its micrograph, say); found when
    /// the first template is ready.</exception>
    /// <exception cref="ArgumentException">The model does not fit in the box at a candidate pixel size.</exception>
    public OptimizeTemplateOutcome Run(IProgress<TemplateEvaluation>? progress, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var simulator = Settings.Simulator;
        var curve = new List<TemplateEvaluation>();
        var best = new BestTemplate(Options.TemplatePath is not null);
        double? optimalPixelSize = null, optimalBFactor = null;
        var bFactor = simulator.AdditionalBFactor;

        IReadOnlyList<TemplateEvaluation> Pass(OptimizationStage stage, IEnumerable<(double PixelSize, double BFactor)> candidates, int threshold)
        {
            var results = EarlyStopping.Scan(
                candidates,
                c =>
                {
                    var evaluation = Evaluate(stage, c.PixelSize, c.BFactor, best, cancellation);
                    curve.Add(evaluation);
                    progress?.Report(evaluation);
                    return evaluation;
                },
                e => e.Score,
                threshold);
            return results;
        }

        if (Settings.PixelSizeCoarseSearch.Enabled)
        {
            var evaluated = new List<TemplateEvaluation>(Pass(
                OptimizationStage.Coarse, CoarsePixelSizes.Select(px => (px, bFactor)), CoarseThreshold));
            var centre = EarlyStopping.Best(evaluated, e => e.Score)?.PixelSize ?? simulator.PixelSpacing;
            if (Settings.PixelSizeFineSearch.Enabled)
            {
                var fine = PixelSizesAround(centre, Settings.PixelSizeFineSearch);
                evaluated.AddRange(Pass(OptimizationStage.Fine, fine.Select(px => (px, bFactor)), Options.ConsecutiveThreshold));
            }

            // The best carries over from the coarse pass: a fine value must beat it, not tie it.
            optimalPixelSize = EarlyStopping.Best(evaluated, e => e.Score)?.PixelSize ?? simulator.PixelSpacing;
        }

        var pixelSize = optimalPixelSize ?? simulator.PixelSpacing;
        if (Options.BFactorScan is { } scan)
        {
            best.Reset();
            var evaluated = Pass(OptimizationStage.BFactor, scan.Values().Select(b => (pixelSize, b)), CoarseThreshold);
            optimalBFactor = bFactor = EarlyStopping.Best(evaluated, e => e.Score)?.AdditionalBFactor ?? bFactor;
        }

        Volume3D? template = null;
        if (Options.TemplatePath is not null)
        {
            template = best.VolumeAt(pixelSize, bFactor) ?? Simulate(pixelSize, bFactor, cancellation);
        }

        cancellation.ThrowIfCancellationRequested();
        var outcome = new OptimizeTemplateOutcome(
            curve, optimalPixelSize, optimalBFactor, pixelSize, bFactor, template, watch.Elapsed.TotalSeconds, Outputs.Paths);
        Outputs.Publish(outcome);
        return outcome;
    }

    /// <summary>Releases the outputs' locks.</summary>
    public void Dispose() => Outputs.Dispose();

    /// <summary><c>centre</c> + each offset of <paramref name="search"/>, rounded to a millionth of an Å.</summary>
    private static IReadOnlyList<double> PixelSizesAround(double centre, PixelSizeSearchConfig search) =>
        [.. search.GetPixelSizeOffsets().Select(offset => Math.Round(centre + offset, PixelSizeDecimals))];

    private TemplateEvaluation Evaluate(
        OptimizationStage stage, double pixelSize, double bFactor, BestTemplate best, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (_scored.TryGetValue((pixelSize, bFactor), out var earlier))
        {
            var again = earlier with { Stage = stage, Seconds = 0 };
            best.Offer(again, null);
            return again;
        }

        var watch = Stopwatch.StartNew();
        var volume = Simulate(pixelSize, bFactor, cancellation);
        var search = new RefineSearch(
            TemplateSpectrum.FromVolume(volume, _backend.Fft), Settings.ParticleStack.ExtractedBoxSize.Height,
            Settings.ParticleStack.ExtractedBoxSize.Width, LocalOffsetGrid.None, [0f], [0f], Options.SliceConvention);
        var boxes = Boxes(search);
        var results = _backend.Refine.Run(
            search, Particles.Count, i => boxes.Target(Particles[i]), Options.Threads, null, cancellation);
        var (score, used) = TemplateScore.Of(results.Select(r => r.ZScore), Options.MinSnr, Options.BestN);
        var evaluation = new TemplateEvaluation(stage, pixelSize, bFactor, score, used, watch.Elapsed.TotalSeconds);
        _scored[(pixelSize, bFactor)] = evaluation;
        best.Offer(evaluation, volume);
        return evaluation;
    }

    /// <summary>The particles' boxes, prepared (micrographs filtered, every particle checked) with the first template.
    /// A target depends only on the geometry (box, template edge) that every candidate shares, not on the template, so
    /// the same boxes serve every candidate.</summary>
    private ParticleBoxes Boxes(RefineSearch search)
    {
        if (_boxes is null)
        {
            var boxes = new ParticleBoxes(search, Settings.PreprocessingFilters, Settings.ApplyGlobalFiltering, _images, _backend.Fft);
            boxes.Check(Particles.Particles, Particles.SourceName);
            _boxes = boxes;
        }

        return _boxes;
    }

    private Volume3D Simulate(double pixelSize, double bFactor, CancellationToken cancellation) =>
        Simulator(pixelSize, bFactor).Simulate(_simulation.Model, null, cancellation);

    private PotentialSimulator Simulator(double pixelSize, double bFactor) => new(
        Settings.Simulator with { PixelSpacing = pixelSize, AdditionalBFactor = bFactor },
        _simulation.Mtf, _backend.Fft, Options.Threads);

    private static OutputSet<OptimizeTemplateOutcome> OutputsOf(OptimizeTemplateOptions options, string baseDirectory)
    {
        var writers = new List<IOutputWriter<OptimizeTemplateOutcome>>();
        if (options.OutputCsvPath is { } csv)
        {
            writers.Add(new TextOutput<OptimizeTemplateOutcome>(
                OutputTarget.Resolve("--output-csv", csv, baseDirectory), outcome => outcome.CurveCsv()));
        }

        if (options.OutputTextPath is { } text)
        {
            writers.Add(new TextOutput<OptimizeTemplateOutcome>(
                OutputTarget.Resolve("--output-text", text, baseDirectory), outcome => outcome.ResultText()));
        }

        if (options.TemplatePath is { } template)
        {
            writers.Add(new VolumeOutput<OptimizeTemplateOutcome>(
                OutputTarget.Resolve("--write-template", template, baseDirectory),
                outcome => (outcome.Template!, outcome.PixelSize,
                    Invariant($"leopard optimize-template {outcome.PixelSize:0.000} A/px, B +{outcome.AdditionalBFactor:G4} A^2"))));
        }

        return new OutputSet<OptimizeTemplateOutcome>(writers, options.AllowOverwrite, "; pass --overwrite to replace it.");
    }

    /// <summary>The best-scoring template of the current pass, with its volume when the run writes it (so the optimum
    /// need not be simulated again).</summary>
    private sealed class BestTemplate(bool keepVolume)
    {
        private TemplateEvaluation? _evaluation;
        private Volume3D? _volume;

        public void Reset() => (_evaluation, _volume) = (null, null);

        public void Offer(TemplateEvaluation evaluation, Volume3D? volume)
        {
            if (evaluation.Score > (_evaluation?.Score ?? double.NegativeInfinity))
            {
                _evaluation = evaluation;
                _volume = keepVolume ? volume : null;
            }
        }

        public Volume3D? VolumeAt(double pixelSize, double bFactor) =>
            _evaluation is { } e && e.PixelSize == pixelSize && e.AdditionalBFactor == bFactor ? _volume : null;
    }
}
