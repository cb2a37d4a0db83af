using System.Diagnostics;
using LeopardEm.Compute;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Orientations;
using LeopardEm.Outputs;
using LeopardEm.Particles;
using LeopardEm.Projection;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// A prepared constrained_search run (other_programs spec §5): a small particle B searched next to every particle of a
/// reference particle A. B's template lives in A's frame (simulated without re-centring, in a box of A's template size),
/// so B is searched in A's box at A's position, at A's orientation composed with each relative orientation
/// (<see cref="ConstrainedOffsets"/>), at every position of the box and around A's defocus minus B's depth
/// (<see cref="CenterVector.DepthAt"/>), scored against B's full-search mean and standard-deviation maps. The work is the
/// shared refine core (<see cref="ParticleBoxes"/>, <see cref="RefineSearch"/>, <see cref="IRefineBackend"/>); this type
/// wires the two tables, the depth correction and the threshold to it.
/// </summary>
public sealed class ConstrainedSearchJob : IDisposable
{
    /// <summary>Suffix of the parameters table next to the output CSV.</summary>
    public const string ParametersSuffix = "_parameters";

    /// <summary>Suffix of the above-threshold table next to the output CSV.</summary>
    public const string AboveThresholdSuffix = "_above_threshold";

    private readonly ComputeBackend _backend;
    private readonly ParticleBoxes _boxes;
    private readonly List<string> _notes;
    private readonly StackParticle[] _starts;
    private readonly double[] _depths;

    private ConstrainedSearchJob(
        ConstrainedSearchSettings settings, ConstrainedSearchOptions options, ParticleStack reference, ConstrainedOffsets offsets,
        RefineSearch search, ParticleBoxes boxes, StackParticle[] starts, double[] depths, ComputeBackend backend,
        OutputSet<ConstrainedSearchOutcome> outputs, List<string> notes)
    {
        Settings = settings;
        Options = options;
        Reference = reference;
        Offsets = offsets;
        Search = search;
        _boxes = boxes;
        _starts = starts;
        _depths = depths;
        _backend = backend;
        Outputs = outputs;
        _notes = notes;
        Threshold = new ConstrainedSearchThreshold(
            (long)search.DefocusOffsets.Count * offsets.Count, (long)search.CropHeight * search.CropWidth, options.FalsePositives);
    }

    /// <summary>The validated settings.</summary>
    public ConstrainedSearchSettings Settings { get; }

    /// <summary>Run-time options.</summary>
    public ConstrainedSearchOptions Options { get; }

    /// <summary>The reference particles A; B is searched next to each.</summary>
    public ParticleStack Reference { get; }

    /// <summary>B's relative orientations.</summary>
    public ConstrainedOffsets Offsets { get; }

    /// <summary>The local search around each reference particle (rotated offsets, defocus offsets, no pixel-size
    /// search).</summary>
    public RefineSearch Search { get; }

    /// <summary>The detection threshold for <see cref="ConstrainedSearchOptions.FalsePositives"/>.</summary>
    public ConstrainedSearchThreshold Threshold { get; }

    /// <summary>B's depth relative to A at each reference particle's orientation, Å, in table order.</summary>
    public IReadOnlyList<double> Depths => _depths;

    /// <summary>The files <see cref="Run"/> writes.</summary>
    public OutputSet<ConstrainedSearchOutcome> Outputs { get; }

    /// <summary>Things worth telling the user before the run (column fallbacks, ignored values, backend choice).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The backend's name.</summary>
    public string BackendName => _backend.Refine.Name;

    /// <summary>Number of distinct micrographs the reference particles come from.</summary>
    public int MicrographCount => _boxes.MicrographCount;

    /// <summary>Cross-correlations of the whole run.</summary>
    public long TotalCorrelations => Reference.Count * Search.CorrelationsPerParticle;

    /// <summary>The path of a table written next to <paramref name="outputCsv"/>: its name without a final ".csv"
    /// (any case) followed by <paramref name="suffix"/> and ".csv" (<see cref="ParametersSuffix"/>,
    /// <see cref="AboveThresholdSuffix"/>).</summary>
    public static string CompanionPath(string outputCsv, string suffix)
    {
        ArgumentNullException.ThrowIfNull(outputCsv);
        var stem = outputCsv.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? outputCsv[..^4] : outputCsv;
        return stem + suffix + ".csv";
    }

    /// <summary>
    /// Checks the settings and input paths and claims the outputs, then loads both particle tables, B's template, the
    /// micrographs and B's statistics maps, and filters the micrographs.
    /// </summary>
    /// <param name="settings">Settings (validated here).</param>
    /// <param name="baseDirectory">Directory relative paths, in the settings and in the tables, are resolved against
    /// (Leopard-EM: the current directory).</param>
    /// <param name="options">Run-time options.</param>
    /// <param name="backend">What to compute on; the CPU on the default FFT engine when null.</param>
    /// <exception cref="SettingsValidationException">Invalid settings, missing input files, a template of the wrong
    /// size, or unwritable outputs.</exception>
    /// <exception cref="FormatException">A table lacks columns or has unusable values, B's table names no statistics
    /// maps for a reference particle's micrograph, or a box lies outside its micrograph.</exception>
    /// <exception cref="FileNotFoundException">A micrograph or statistics map named in a table does not exist.</exception>
    public static ConstrainedSearchJob Prepare(
        ConstrainedSearchSettings settings, string baseDirectory, ConstrainedSearchOptions options, ComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.FalsePositives);
        settings.ThrowIfInvalid();
        var outputs = OutputsOf(options, baseDirectory);
        var repaired = outputs.Claim(
            [
                ("template_volume_path", MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory)),
                (ConstrainedSearchSettings.ReferenceKey + ".df_path", MatchTemplatePaths.Resolve(settings.ParticleStackReference.DfPath, baseDirectory)),
                (ConstrainedSearchSettings.ConstrainedKey + ".df_path", MatchTemplatePaths.Resolve(settings.ParticleStackConstrained.DfPath, baseDirectory)),
            ],
            ConstrainedSearchPaths.Check(settings, baseDirectory));
        try
        {
            var job = Load(settings, baseDirectory, options, backend ?? ComputeBackend.Cpu(), outputs);
            job._notes.AddRange(repaired);
            return job;
        }
        catch
        {
            outputs.Dispose();
            throw;
        }
    }

    /// <summary>Searches B next to every reference particle and writes the outputs (all or none).</summary>
    /// <param name="progress">Receives progress; may be null.</param>
    /// <param name="cancellation">Cancels between chunks of offsets; nothing is written after cancellation.</param>
    public ConstrainedSearchOutcome Run(IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var results = _backend.Refine.Run(Search, _starts.Length, i => _boxes.Target(_starts[i]), Options.Threads, progress, cancellation);
        var seconds = watch.Elapsed.TotalSeconds;
        cancellation.ThrowIfCancellationRequested();
        var particles = results.Select((result, i) => new ConstrainedParticle
        {
            Reference = Reference[i],
            Start = _starts[i],
            Depth = _depths[i],
            Refinement = result,
            RawOffset = Offsets.Raw[result.OffsetIndex],
        }).ToList();
        var outcome = new ConstrainedSearchOutcome(particles, Threshold, seconds, Outputs.Paths);
        Outputs.Publish(outcome);
        return outcome;
    }

    /// <summary>Releases the outputs' locks.</summary>
    public void Dispose() => Outputs.Dispose();

    private static ConstrainedSearchJob Load(
        ConstrainedSearchSettings settings, string baseDirectory, ConstrainedSearchOptions options, ComputeBackend backend,
        OutputSet<ConstrainedSearchOutcome> outputs)
    {
        string Resolve(string path) => MatchTemplatePaths.Resolve(path, baseDirectory);
        var reference = ParticleStack.Read(Resolve(settings.ParticleStackReference.DfPath));
        var constrained = ParticleStack.Read(Resolve(settings.ParticleStackConstrained.DfPath));
        var templatePath = Resolve(settings.TemplateVolumePath);
        var template = MrcReader.ReadVolume(templatePath);
        SampleChecks.RequireSearchable(template, "the template", templatePath);
        CheckTemplate(template, settings.ParticleStackReference.OriginalTemplateSize);
        var notes = new List<string>(reference.Notes.Select(n => $"{reference.SourceName}: {n}"));
        if (reference.Particles.Any(p => p.HasAberrations))
        {
            notes.Add("Zernike coefficients and magnification matrices in the reference table are not applied (as in match_template).");
        }

        if (backend.Note is { } backendNote)
        {
            notes.Add(backendNote);
        }

        var statistics = new StatisticsSource(reference, constrained, Resolve, notes);
        var depths = reference.Particles.Select(a => settings.CenterVector.DepthAt(a.Orientation)).ToArray();
        var starts = reference.Particles.Select((a, i) => StartOf(a, depths[i], statistics.For(a))).ToArray();

        var offsets = settings.OrientationRefinementConfig.GetOffsets();
        var box = settings.ParticleStackReference.ExtractedBoxSize;
        var search = new RefineSearch(
            TemplateSpectrum.FromVolume(template, backend.Fft), box.Height, box.Width, offsets.ToSearchGrid(),
            settings.DefocusRefinementConfig.GetRelativeDefocusValues(), [0f], options.SliceConvention);
        var cache = new Dictionary<string, Image2D>(StringComparer.Ordinal);
        Image2D Image(string path)
        {
            var full = Resolve(path);
            if (!cache.TryGetValue(full, out var image))
            {
                if (!File.Exists(full))
                {
                    throw new FileNotFoundException($"A particle table names '{path}' (resolved to '{full}'), which does not exist.", full);
                }

                cache[full] = image = MrcReader.ReadImage(full);
            }

            return image;
        }

        // Leopard-EM's constrained search always filters whole micrographs (its global-filtering mode).
        var boxes = new ParticleBoxes(search, settings.PreprocessingFilters, globalFiltering: true, Image, backend.Fft);
        boxes.Check(starts, reference.SourceName);
        return new ConstrainedSearchJob(settings, options, reference, offsets, search, boxes, starts, depths, backend, outputs, notes);
    }

    // B starts where A is, deeper (or shallower) by its depth, and is scored against B's own full search.
    private static StackParticle StartOf(StackParticle a, double depth, StackParticle b) => a with
    {
        RelativeDefocus = a.RelativeDefocus - depth,
        Ctf = a.Ctf with { DefocusU = a.Ctf.DefocusU - depth, DefocusV = a.Ctf.DefocusV - depth },
        CorrelationAveragePath = b.CorrelationAveragePath,
        CorrelationStandardDeviationPath = b.CorrelationStandardDeviationPath,
    };

    private static void CheckTemplate(Volume3D template, ImageShape expected)
    {
        var n = template.Width;
        if (!template.IsCubic || n % 2 != 0 || expected != ImageShape.Square(n))
        {
            throw new SettingsValidationException(
            [
                new SettingsProblem(
                    "template_volume_path",
                    $"template_volume_path: B's template is {template.Width} x {template.Height} x {template.Depth} voxels " +
                    $"(x, y, z); it must be a cube with an even edge equal to {ConstrainedSearchSettings.ReferenceKey}." +
                    $"original_template_size {expected} (B is simulated in A's frame, in a box of A's template size)."),
            ]);
        }
    }

    private static OutputSet<ConstrainedSearchOutcome> OutputsOf(ConstrainedSearchOptions options, string baseDirectory)
    {
        var writers = new List<IOutputWriter<ConstrainedSearchOutcome>>();
        if (options.OutputCsvPath is { } csv)
        {
            writers.Add(new ParticleCsvOutput<ConstrainedSearchOutcome>(
                OutputTarget.Resolve("--output-csv", csv, baseDirectory), outcome => outcome.Table));
            writers.Add(new ParticleCsvOutput<ConstrainedSearchOutcome>(
                OutputTarget.Resolve("--output-csv (parameters)", CompanionPath(csv, ParametersSuffix), baseDirectory),
                outcome => outcome.Threshold.ToTable()));
            writers.Add(new ParticleCsvOutput<ConstrainedSearchOutcome>(
                OutputTarget.Resolve("--output-csv (above threshold)", CompanionPath(csv, AboveThresholdSuffix), baseDirectory),
                outcome => outcome.AboveThresholdTable));
        }

        return new OutputSet<ConstrainedSearchOutcome>(writers, options.AllowOverwrite, "; pass --overwrite to replace it.");
    }

    /// <summary>Which of B's rows names the statistics maps for a reference particle: the first row of the same
    /// micrograph; when A has a single micrograph that B's table does not name, B's first row (Leopard-EM's rule).</summary>
    private sealed class StatisticsSource
    {
        private readonly Dictionary<string, StackParticle> _byMicrograph = new(StringComparer.Ordinal);
        private readonly StackParticle? _fallback;
        private readonly ParticleStack _constrained;
        private readonly Func<string, string> _resolve;

        public StatisticsSource(ParticleStack reference, ParticleStack constrained, Func<string, string> resolve, List<string> notes)
        {
            _constrained = constrained;
            _resolve = resolve;
            if (constrained.Count == 0)
            {
                throw new FormatException(
                    $"{constrained.SourceName} has no rows: the constrained search reads B's mean and standard-deviation maps " +
                    "from its correlation_average_path and correlation_variance_path columns (a table of B's match_template " +
                    "run with a low threshold, or a copy of A's table with those two columns pointing at B's maps, will do).");
            }

            foreach (var b in constrained.Particles)
            {
                _byMicrograph.TryAdd(resolve(b.MicrographPath), b);
            }

            var micrographs = reference.Particles.Select(a => resolve(a.MicrographPath)).Distinct(StringComparer.Ordinal).ToList();
            if (micrographs.Count == 1 && !_byMicrograph.ContainsKey(micrographs[0]))
            {
                _fallback = constrained[0];
                notes.Add($"{constrained.SourceName} names no row of the reference micrograph '{reference[0].MicrographPath}'; " +
                          $"using the statistics maps of its first row ('{_fallback.CorrelationAveragePath}'), as Leopard-EM does.");
            }
        }

        public StackParticle For(StackParticle a) =>
            _byMicrograph.TryGetValue(_resolve(a.MicrographPath), out var b) ? b
            : _fallback ?? throw new FormatException(
                $"{_constrained.SourceName} has no row of micrograph '{a.MicrographPath}' (reference particle {a.Row}), so there " +
                "are no statistics maps of B's full search for it; B's table needs a row of every reference micrograph.");
    }
}
