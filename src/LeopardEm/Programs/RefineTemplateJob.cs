using System.Diagnostics;
using LeopardEm.Fft;
using LeopardEm.Filters;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Particles;
using LeopardEm.Projection;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// A prepared refine_template run (spec §3): settings checked, particle table, template, micrographs and the
/// match_template statistics maps loaded, micrographs filtered. It reports what it will do, can time a short warm-up,
/// refines every particle and writes the refined particle table. Start from files with <see cref="Prepare"/>, or from
/// a match_template run still in memory with <see cref="FromMatchTemplate"/>.
/// </summary>
/// <remarks>
/// Correlations are on match_template's scale: with global filtering each micrograph is filtered and normalised
/// exactly as match_template does and templates are normalised for the micrograph, so at a particle's starting pose
/// the refinement reproduces the full search's correlation, and z-scores use the full search's mean and standard
/// deviation at each position (docs/differences-from-leopard-em.md lists where upstream differs).
/// </remarks>
public sealed class RefineTemplateJob
{
    private const string AverageColumn = "correlation_average_path";
    private const string DeviationColumn = "correlation_variance_path";
    private const string MicrographColumn = "micrograph_path";

    // Outside the statistics maps the z-score is (CC − 0)/1e10 ≈ 0 (spec §2.5), so edge positions never win.
    private const float OutsideStandardDeviation = 1e10f;

    private readonly CpuRefineBackend _backend;
    private readonly IFftEngine _fft;
    private readonly Func<string, Image2D> _images;
    private readonly Dictionary<string, PreparedMicrograph> _micrographs = new(StringComparer.Ordinal);
    private readonly List<string> _notes;

    private RefineTemplateJob(
        RefineTemplateSettings settings, string baseDirectory, RefineTemplateOptions options, ParticleStack particles,
        RefineSearch search, Func<string, Image2D> images, CpuRefineBackend backend, IFftEngine fft)
    {
        Settings = settings;
        BaseDirectory = baseDirectory;
        Options = options;
        Particles = particles;
        Search = search;
        _images = images;
        _backend = backend;
        _fft = fft;
        _notes = [.. particles.Notes];
        if (Enumerable.Range(0, particles.Count).Any(particles.HasAberrations))
        {
            _notes.Add("Zernike coefficients and magnification matrices in the table are not applied (as in match_template).");
        }
    }

    /// <summary>The validated settings.</summary>
    public RefineTemplateSettings Settings { get; }

    /// <summary>Directory relative paths are resolved against.</summary>
    public string BaseDirectory { get; }

    /// <summary>Run-time options.</summary>
    public RefineTemplateOptions Options { get; }

    /// <summary>The particles being refined.</summary>
    public ParticleStack Particles { get; }

    /// <summary>The local search around each particle.</summary>
    public RefineSearch Search { get; }

    /// <summary>Things worth telling the user before the run (column fallbacks, ignored table values).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The backend's name.</summary>
    public string BackendName => _backend.Name;

    /// <summary>Number of distinct micrographs the particles come from.</summary>
    public int MicrographCount => _micrographs.Count;

    /// <summary>Cross-correlations of the whole run.</summary>
    public long TotalCorrelations => Particles.Count * Search.CorrelationsPerParticle;

    /// <summary>
    /// Checks the settings and input paths (and that the output CSV may be written), then loads the particle table,
    /// template, micrographs and statistics maps named in the table and filters the micrographs.
    /// </summary>
    /// <param name="settings">Settings (validated here).</param>
    /// <param name="baseDirectory">Directory relative paths, in the settings and in the table, are resolved against
    /// (Leopard-EM: the current directory).</param>
    /// <param name="options">Run-time options.</param>
    /// <param name="backend">Compute backend; the CPU backend on the default FFT engine when null.</param>
    /// <exception cref="SettingsValidationException">Invalid settings or missing input files.</exception>
    /// <exception cref="FormatException">The particle table lacks columns or has unusable values.</exception>
    /// <exception cref="FileNotFoundException">A micrograph or statistics map named in the table does not exist.</exception>
    public static RefineTemplateJob Prepare(
        RefineTemplateSettings settings, string baseDirectory, RefineTemplateOptions options, CpuRefineBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        settings.ThrowIfInvalid();
        var problems = RefineTemplatePaths.Check(settings, baseDirectory).ToList();
        if (options.OutputCsvPath is { } csv && !options.AllowOverwrite && File.Exists(MatchTemplatePaths.Resolve(csv, baseDirectory)))
        {
            problems.Add(new SettingsProblem("output", $"The output file '{csv}' already exists; allow overwriting to replace it."));
        }

        SettingsValidationException.ThrowIfAny(problems);
        var stack = ParticleStack.Read(MatchTemplatePaths.Resolve(settings.ParticleStack.DfPath, baseDirectory));
        var template = MrcReader.ReadVolume(MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory));
        var cache = new Dictionary<string, Image2D>(StringComparer.Ordinal);
        Image2D Load(string path)
        {
            var full = MatchTemplatePaths.Resolve(path, baseDirectory);
            if (!cache.TryGetValue(full, out var image))
            {
                if (!File.Exists(full))
                {
                    throw new FileNotFoundException($"{stack.SourceName} names '{path}' (resolved to '{full}'), which does not exist.", full);
                }

                cache[full] = image = MrcReader.ReadImage(full);
            }

            return image;
        }

        return Create(settings, baseDirectory, options, stack, template, Load, backend);
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
    /// <param name="outcome">The search's outcome (particle table and maps).</param>
    /// <param name="options">Run-time options; <see cref="RefineTemplateOptions.OutputCsvPath"/> is resolved against the
    /// current directory.</param>
    /// <param name="backend">Compute backend; the CPU backend on the default FFT engine when null.</param>
    public static RefineTemplateJob FromMatchTemplate(
        RefineTemplateSettings settings, Image2D micrograph, Volume3D template, MatchTemplateOutcome outcome,
        RefineTemplateOptions options, CpuRefineBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(micrograph);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(options);
        settings.ThrowIfInvalid();
        var stack = new ParticleStack(outcome.Particles, "the match_template outcome");
        var images = new Dictionary<string, Image2D>(StringComparer.Ordinal);
        for (var row = 0; row < stack.Count; row++)
        {
            images[stack.Path(row, MicrographColumn)] = micrograph;
            images[stack.Path(row, AverageColumn)] = outcome.Maps.CorrelationMean;
            images[stack.Path(row, DeviationColumn)] = outcome.Maps.CorrelationStandardDeviation;
        }

        return Create(settings, Directory.GetCurrentDirectory(), options, stack, template, path => images[path], backend);
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

        _backend.Run(Search.WithFirstOffsets(1), 1, Target, Options.Threads, null, CancellationToken.None);
        var threads = Compute.ThreadCount.Resolve(Options.Threads);
        var timed = Search.WithFirstOffsets(offsetsPerThread * threads);
        var watch = Stopwatch.StartNew();
        _backend.Run(timed, 1, Target, Options.Threads, null, CancellationToken.None);
        return watch.Elapsed.TotalSeconds / timed.CorrelationsPerParticle;
    }

    /// <summary>Refines every particle and writes the refined table when an output path is set.</summary>
    /// <param name="progress">Receives progress; may be null.</param>
    /// <param name="cancellation">Cancels between chunks of offsets; nothing is written after cancellation.</param>
    public RefineTemplateOutcome Run(IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var results = _backend.Run(Search, Particles.Count, Target, Options.Threads, progress, cancellation);
        var seconds = watch.Elapsed.TotalSeconds;
        cancellation.ThrowIfCancellationRequested();
        var table = RefineTemplateParticles.Build(Particles, results);
        var written = new List<string>();
        if (Options.OutputCsvPath is { } csv)
        {
            var full = MatchTemplatePaths.Resolve(csv, BaseDirectory);
            ParticleTableCsv.Write(full, table, Options.AllowOverwrite);
            written.Add(full);
        }

        return new RefineTemplateOutcome(results, table, seconds, written);
    }

    private static RefineTemplateJob Create(
        RefineTemplateSettings settings, string baseDirectory, RefineTemplateOptions options, ParticleStack stack,
        Volume3D template, Func<string, Image2D> images, CpuRefineBackend? backend)
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

        var fft = FftEngines.Default;
        var box = settings.ParticleStack.ExtractedBoxSize;
        var search = new RefineSearch(
            TemplateSpectrum.FromVolume(template, fft), box.Height, box.Width,
            settings.OrientationRefinementConfig.GetOffsets(options.LocalGrid),
            settings.DefocusRefinementConfig.GetRelativeDefocusValues(),
            settings.PixelSizeRefinementConfig.GetPixelSizeOffsets());
        var job = new RefineTemplateJob(settings, baseDirectory, options, stack, search, images, backend ?? new CpuRefineBackend(fft), fft);
        job.LoadInputs();
        return job;
    }

    // Reads every particle's numbers and every image once, so a bad table or a missing file stops the job before the
    // long part; filters each micrograph once with global filtering.
    private void LoadInputs()
    {
        var smallestOffset = Search.PixelSizeOffsets.Min();
        for (var row = 0; row < Particles.Count; row++)
        {
            _ = Particles.Position(row);
            _ = Particles.Orientation(row);
            _ = Particles.Ctf(row);
            if (!(Particles.NominalPixelSize(row) > 0) || !(Particles.PixelSize(row) + smallestOffset > 0))
            {
                throw new FormatException(
                    $"{Particles.SourceName}: particle {row} has pixel size {Particles.PixelSize(row)} Å (nominal " +
                    $"{Particles.NominalPixelSize(row)} Å); with the pixel-size offsets down to {smallestOffset} Å it must stay positive.");
            }

            var path = Particles.Path(row, MicrographColumn);
            if (!_micrographs.ContainsKey(path))
            {
                _micrographs[path] = PrepareMicrograph(path);
            }

            var (y, x) = Particles.Position(row);
            int top = y - Search.StartY, left = x - Search.StartX;
            if (!BoxExtraction.Overlaps(_micrographs[path].Image, top, left, Search.BoxHeight, Search.BoxWidth)
                || !BoxExtraction.Overlaps(_images(Particles.Path(row, AverageColumn)), top, left, Search.CropHeight, Search.CropWidth)
                || !BoxExtraction.Overlaps(_images(Particles.Path(row, DeviationColumn)), top, left, Search.CropHeight, Search.CropWidth))
            {
                throw new FormatException(
                    $"{Particles.SourceName}: particle {row} at (x {x}, y {y}) lies outside its micrograph or statistics maps.");
            }
        }
    }

    private PreparedMicrograph PrepareMicrograph(string path)
    {
        var raw = _images(path);
        int h = raw.Height, w = raw.Width;
        if (h % 2 != 0 || w % 2 != 0)
        {
            throw new FormatException(
                $"The micrograph '{path}' is {w} x {h} px; width and height must be even (Leopard-EM drops the last column of odd widths).");
        }

        if (!Settings.ApplyGlobalFiltering)
        {
            return new PreparedMicrograph(raw, null);
        }

        using var spectrum = new AlignedBuffer<ComplexF>((long)h * (w / 2 + 1));
        using var real = new AlignedBuffer<float>((long)h * w);
        var filters = MicrographPreprocessing.Apply(Settings.PreprocessingFilters, raw.Data, h, w, _fft, spectrum.Span);
        _fft.Inverse2D(spectrum.Span, real.Span, h, w);
        var filtered = new Image2D(h, w, real.Span.ToArray());
        var n = Search.Template.Size;
        return new PreparedMicrograph(filtered, filters.Combined(n, n));
    }

    // Cuts particle `row`'s box (reflect padding) and statistics crops (mean 0 / std 1e10 outside the maps), spec §2.5.
    private RefineTarget Target(int row)
    {
        var (y, x) = Particles.Position(row);
        int top = y - Search.StartY, left = x - Search.StartX;
        int boxHeight = Search.BoxHeight, boxWidth = Search.BoxWidth;
        var micrograph = _micrographs[Particles.Path(row, MicrographColumn)];

        // Aligned buffers keep FFTW on the same plans in every run (see MicrographPreprocessing).
        using var box = new AlignedBuffer<float>(boxHeight * boxWidth);
        using var spectrum = new AlignedBuffer<ComplexF>(boxHeight * (boxWidth / 2 + 1));
        BoxExtraction.Extract(micrograph.Image, top, left, boxHeight, boxWidth, PaddingMode.Reflect, 0f, box.Span);
        float[] templateFilter;
        int normalizationHeight, normalizationWidth;
        if (micrograph.TemplateFilter is { } global)
        {
            _fft.Forward2D(box.Span, spectrum.Span, boxHeight, boxWidth);
            templateFilter = global;
            (normalizationHeight, normalizationWidth) = (micrograph.Image.Height, micrograph.Image.Width);
        }
        else
        {
            var filters = MicrographPreprocessing.Apply(Settings.PreprocessingFilters, box.Span, boxHeight, boxWidth, _fft, spectrum.Span);
            var n = Search.Template.Size;
            templateFilter = filters.Combined(n, n);
            (normalizationHeight, normalizationWidth) = (boxHeight, boxWidth);
        }

        var mean = BoxExtraction.Extract(
            _images(Particles.Path(row, AverageColumn)), top, left, Search.CropHeight, Search.CropWidth, PaddingMode.Constant);
        var deviation = BoxExtraction.Extract(
            _images(Particles.Path(row, DeviationColumn)), top, left, Search.CropHeight, Search.CropWidth,
            PaddingMode.Constant, OutsideStandardDeviation);
        return new RefineTarget(
            spectrum.Span.ToArray(), templateFilter, Particles.Ctf(row), Particles.NominalPixelSize(row), Particles.PixelSize(row),
            Particles.Orientation(row), mean, deviation, normalizationHeight, normalizationWidth);
    }

    // A micrograph ready for box extraction: filtered and normalised with its template filter (global filtering), or
    // raw with a null filter (each box is filtered on its own).
    private sealed record PreparedMicrograph(Image2D Image, float[]? TemplateFilter);
}
