using System.Diagnostics;
using LeopardEm.Compute;
using LeopardEm.Imaging;
using LeopardEm.Interop;
using LeopardEm.Io;
using LeopardEm.Outputs;
using LeopardEm.Particles;
using LeopardEm.Projection;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// A prepared refine_template run (spec §3): settings checked, particle table, template, micrographs and the
/// match_template statistics maps loaded, micrographs filtered. It reports what it will do, can time a short warm-up,
/// refines every particle and writes the refined particle table. Start from files with <see cref="Prepare"/>, or from
/// a match_template run still in memory with <see cref="FromMatchTemplate"/>. The per-particle work is the shared
/// refine core (<see cref="ParticleBoxes"/>, <see cref="IRefineBackend"/>), so this type only wires files to it.
/// </summary>
/// <remarks>
/// Correlations are on match_template's scale: with global filtering each micrograph is filtered and normalised
/// exactly as match_template does and templates are normalised for the micrograph, so at a particle's starting pose
/// the refinement reproduces the full search's correlation, and z-scores use the full search's mean and standard
/// deviation at each position (docs/differences-from-leopard-em.md lists where upstream differs).
/// </remarks>
public sealed class RefineTemplateJob : IDisposable
{
    private readonly ComputeBackend _backend;
    private readonly ParticleBoxes _boxes;
    private readonly List<string> _notes;

    private RefineTemplateJob(
        RefineTemplateSettings settings, RefineTemplateOptions options, ParticleStack particles, RefineSearch search,
        ParticleBoxes boxes, ComputeBackend backend, OutputSet<RefineTemplateOutcome> outputs)
    {
        Settings = settings;
        Options = options;
        Particles = particles;
        Search = search;
        _boxes = boxes;
        _backend = backend;
        Outputs = outputs;
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
    public RefineTemplateSettings Settings { get; }

    /// <summary>Run-time options.</summary>
    public RefineTemplateOptions Options { get; }

    /// <summary>The particles being refined.</summary>
    public ParticleStack Particles { get; }

    /// <summary>The local search around each particle.</summary>
    public RefineSearch Search { get; }

    /// <summary>The files <see cref="Run"/> writes.</summary>
    public OutputSet<RefineTemplateOutcome> Outputs { get; }

    /// <summary>Things worth telling the user before the run (column fallbacks, ignored table values, backend
    /// choice).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The backend's name.</summary>
    public string BackendName => _backend.Refine.Name;

    /// <summary>Number of distinct micrographs the particles come from.</summary>
    public int MicrographCount => _boxes.MicrographCount;

    /// <summary>Cross-correlations of the whole run.</summary>
    public long TotalCorrelations => Particles.Count * Search.CorrelationsPerParticle;

    /// <summary>
    /// Checks the settings and input paths and claims the outputs (<see cref="OutputSet{TResult}.Claim"/>), then loads
    /// the particle table, template, micrographs and statistics maps named in the table and filters the micrographs.
    /// </summary>
    /// <param name="settings">Settings (validated here).</param>
    /// <param name="baseDirectory">Directory relative paths, in the settings and in the table, are resolved against
    /// (Leopard-EM: the current directory).</param>
    /// <param name="options">Run-time options.</param>
    /// <param name="backend">What to compute on; the CPU on the default FFT engine when null.</param>
    /// <exception cref="SettingsValidationException">Invalid settings, missing input files or unwritable outputs.</exception>
    /// <exception cref="FormatException">The particle table lacks columns or has unusable values.</exception>
    /// <exception cref="FileNotFoundException">A micrograph or statistics map named in the table does not exist.</exception>
    public static RefineTemplateJob Prepare(
        RefineTemplateSettings settings, string baseDirectory, RefineTemplateOptions options, ComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        settings.ThrowIfInvalid();
        var outputs = OutputsOf(settings, options, baseDirectory);
        var repaired = outputs.Claim(
            [
                ("template_volume_path", MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory)),
                (ParticleStackConfig.YamlKey + ".df_path", MatchTemplatePaths.Resolve(settings.ParticleStack.DfPath, baseDirectory)),
                .. MatchTemplateRunInputs(options.MatchTemplateRuns, baseDirectory),
            ],
            RefineTemplatePaths.Check(settings, baseDirectory));
        try
        {
            return Load(settings, baseDirectory, options, backend, outputs, repaired);
        }
        catch
        {
            outputs.Dispose();
            throw;
        }
    }

    // The match_template runs a STAR table's particles come from: their micrographs, maps and templates are read,
    // never written.
    private static IEnumerable<(string Key, string Path)> MatchTemplateRunInputs(IReadOnlyList<Interop.MatchTemplateRun> runs, string baseDirectory) =>
        runs.SelectMany(run => SavedSearchMaps.InputsOf(run.Settings, baseDirectory)
            .Append((Key: "micrograph_path", Path: MatchTemplatePaths.Resolve(run.Settings.MicrographPath, baseDirectory)))
            .Select(input => ($"{run.Name}: {input.Key}", input.Path)));

    private static RefineTemplateJob Load(
        RefineTemplateSettings settings, string baseDirectory, RefineTemplateOptions options, ComputeBackend? backend,
        OutputSet<RefineTemplateOutcome> outputs, IReadOnlyList<string> repaired)
    {
        var dfPath = MatchTemplatePaths.Resolve(settings.ParticleStack.DfPath, baseDirectory);
        var imported = StarReader.IsStarFile(dfPath)
            ? RelionParticleImport.Read(
                dfPath, options.MatchTemplateRuns, baseDirectory, settings.ParticleStack.OriginalTemplateSize.Width,
                options.MicrographDirectory is { } micrographs ? MatchTemplatePaths.Resolve(micrographs, baseDirectory) : null)
            : null;
        var stack = imported?.Stack ?? ParticleStack.Read(dfPath);
        var templatePath = MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory);
        var template = MrcReader.ReadVolume(templatePath);
        SampleChecks.RequireSearchable(template, "the template", templatePath);
        var job = Create(settings, options, stack, template, new ParticleImageFiles(stack.SourceName, baseDirectory).Read, backend, outputs);
        job._notes.AddRange(repaired);
        job._notes.AddRange(imported?.Notes ?? []);
        return job;
    }

    /// <summary>
    /// Prepares a refinement of the particles of a match_template run still in memory (for example right after
    /// <see cref="MatchTemplateJob.Run"/>): the table's micrograph and statistics-map paths are served from
    /// <paramref name="micrograph"/> and <paramref name="outcome"/>'s maps instead of files.
    /// <see cref="RefineTemplateSettings.ForMatchTemplate"/> derives suitable settings; the settings' template and table
    /// paths are not read.
    /// </summary>
    /// <param name="settings">Refinement settings (validated here).</param>
    /// <param name="micrograph">The micrograph the search ran on.</param>
    /// <param name="template">The template volume the search used.</param>
    /// <param name="outcome">The search's outcome (particles and maps).</param>
    /// <param name="options">Run-time options; <see cref="RefineTemplateOptions.OutputCsvPath"/> is resolved against the
    /// current directory.</param>
    /// <param name="backend">What to compute on; the CPU on the default FFT engine when null.</param>
    public static RefineTemplateJob FromMatchTemplate(
        RefineTemplateSettings settings, Image2D micrograph, Volume3D template, MatchTemplateOutcome outcome,
        RefineTemplateOptions options, ComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(micrograph);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(options);
        settings.ThrowIfInvalid();
        var outputs = OutputsOf(settings, options, Directory.GetCurrentDirectory());
        outputs.Claim([], []);
        try
        {
            return FromOutcome(settings, micrograph, template, outcome, options, backend, outputs);
        }
        catch
        {
            outputs.Dispose();
            throw;
        }
    }

    private static RefineTemplateJob FromOutcome(
        RefineTemplateSettings settings, Image2D micrograph, Volume3D template, MatchTemplateOutcome outcome,
        RefineTemplateOptions options, ComputeBackend? backend, OutputSet<RefineTemplateOutcome> outputs)
    {
        var stack = new ParticleStack(MatchTemplateParticleColumns.ToTable(outcome.Particles), "the match_template outcome");
        var images = new Dictionary<string, Image2D>(StringComparer.Ordinal);
        foreach (var particle in stack.Particles)
        {
            images[particle.MicrographPath] = micrograph;
            images[particle.CorrelationAveragePath] = outcome.Maps.CorrelationMean;
            images[particle.CorrelationStandardDeviationPath] = outcome.Maps.CorrelationStandardDeviation;
        }

        return Create(settings, options, stack, template, path => images[path], backend, outputs);
    }

    /// <summary>Times the first particle over some orientation offsets (after an untimed one that creates FFT plans)
    /// and returns seconds per cross-correlation with the job's thread count; 0 without particles.</summary>
    /// <param name="offsetsPerThread">Offsets timed per worker thread; more give a steadier estimate.</param>
    public double MeasureSecondsPerCorrelation(int offsetsPerThread = 32)
    {
        if (Particles.Count == 0)
        {
            return 0;
        }

        _backend.Refine.Run(Search.WithFirstOffsets(1), 1, Target, Options.Threads, null, CancellationToken.None);
        var threads = ThreadCount.Resolve(Options.Threads);
        var timed = Search.WithFirstOffsets(offsetsPerThread * threads);
        var watch = Stopwatch.StartNew();
        _backend.Refine.Run(timed, 1, Target, Options.Threads, null, CancellationToken.None);
        return watch.Elapsed.TotalSeconds / timed.CorrelationsPerParticle;
    }

    /// <summary>Refines every particle and writes the outputs (all or none).</summary>
    /// <param name="progress">Receives progress; may be null.</param>
    /// <param name="cancellation">Cancels between chunks of offsets; nothing is written after cancellation.</param>
    public RefineTemplateOutcome Run(IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var results = _backend.Refine.Run(Search, Particles.Count, Target, Options.Threads, progress, cancellation);
        var seconds = watch.Elapsed.TotalSeconds;
        cancellation.ThrowIfCancellationRequested();
        var refined = Particles.Particles.Zip(results, (source, result) => new RefinedParticle { Source = source, Refinement = result }).ToList();
        var outcome = new RefineTemplateOutcome(refined, seconds, Outputs.Paths);
        Outputs.Publish(outcome);
        return outcome;
    }

    /// <summary>Releases the outputs' locks.</summary>
    public void Dispose() => Outputs.Dispose();

    private RefineTarget Target(int row) => _boxes.Target(Particles[row]);

    private static RefineTemplateJob Create(
        RefineTemplateSettings settings, RefineTemplateOptions options, ParticleStack stack, Volume3D template,
        Func<string, Image2D> images, ComputeBackend? backend, OutputSet<RefineTemplateOutcome> outputs)
    {
        var n = template.Width;
        var expected = settings.ParticleStack.OriginalTemplateSize;
        if (!template.IsCubic || n % 2 != 0 || expected != ImageShape.Square(n))
        {
            throw new SettingsValidationException(
            [
                new SettingsProblem(
                    ParticleStackConfig.YamlKey + ".original_template_size",
                    $"{ParticleStackConfig.YamlKey}.original_template_size is {expected}, but the template is " +
                    $"{template.Width} x {template.Height} x {template.Depth} voxels (x, y, z); it must be a cube with an " +
                    "even edge equal to original_template_size."),
            ]);
        }

        var compute = backend ?? ComputeBackend.Cpu();
        var box = settings.ParticleStack.ExtractedBoxSize;
        SettingsValidationException.ThrowIfAny(SearchBudget.CheckRefine(
            box.Height, box.Width, n, ThreadCount.Resolve(options.Threads), SearchBudget.AvailableBytes));
        var search = new RefineSearch(
            TemplateSpectrum.FromVolume(template, compute.Fft), box.Height, box.Width,
            settings.OrientationRefinementConfig.GetOffsets(options.LocalGrid),
            settings.DefocusRefinementConfig.GetRelativeDefocusValues(),
            settings.PixelSizeRefinementConfig.GetPixelSizeOffsets(),
            options.SliceConvention);
        var boxes = new ParticleBoxes(search, settings.PreprocessingFilters, settings.ApplyGlobalFiltering, images, compute.Fft);
        boxes.Check(stack.Particles, stack.SourceName);
        return new RefineTemplateJob(settings, options, stack, search, boxes, compute, outputs);
    }

    private static OutputSet<RefineTemplateOutcome> OutputsOf(RefineTemplateSettings settings, RefineTemplateOptions options, string baseDirectory)
    {
        var writers = new List<IOutputWriter<RefineTemplateOutcome>>();
        if (options.OutputCsvPath is { } csv)
        {
            writers.Add(new ParticleCsvOutput<RefineTemplateOutcome>(
                OutputTarget.Resolve("--output-csv", csv, baseDirectory), outcome => outcome.Table));
        }

        if (options.OutputStarPath is { } star)
        {
            writers.Add(ParticleStarOutputs.ForRefinement(star, settings.ParticleStack.OriginalTemplateSize.Width, baseDirectory));
        }

        return new OutputSet<RefineTemplateOutcome>(writers, options.AllowOverwrite, "; pass --overwrite to replace it.");
    }
}
