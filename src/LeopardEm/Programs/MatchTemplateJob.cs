using System.Diagnostics;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Peaks;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// A prepared match_template run: inputs checked and loaded, preprocessing done, outputs known to be writable. It
/// reports what it will do (for the summary a user sees before a long run), can time a short warm-up, runs the search
/// and writes Leopard-EM's eight maps (plus the pixel-size map when pixel size is searched) and the particle table.
/// </summary>
public sealed class MatchTemplateJob : IDisposable
{
    private readonly ICorrelationBackend _backend;

    private MatchTemplateJob(
        MatchTemplateSettings settings, string baseDirectory, MatchTemplateOptions options, SearchInputs inputs, ICorrelationBackend backend)
    {
        Settings = settings;
        BaseDirectory = baseDirectory;
        Options = options;
        Inputs = inputs;
        _backend = backend;
    }

    /// <summary>The validated settings.</summary>
    public MatchTemplateSettings Settings { get; }

    /// <summary>Directory relative paths are resolved against.</summary>
    public string BaseDirectory { get; }

    /// <summary>Run-time options.</summary>
    public MatchTemplateOptions Options { get; }

    /// <summary>The prepared search inputs.</summary>
    public SearchInputs Inputs { get; }

    /// <summary>The backend's name.</summary>
    public string BackendName => _backend.Name;

    /// <summary>Cross-correlations of the whole search (orientations x defocus planes x pixel-size planes).</summary>
    public long TotalCorrelations => Inputs.Space.Total;

    /// <summary>Where the pixel-size map goes when pixel size is searched (next to the relative-defocus map), else
    /// null.</summary>
    public string? PixelSizeMapPath => PixelSizeMapPathOf(Settings);

    /// <summary>
    /// Checks paths (inputs exist, outputs absent unless overwriting is allowed), creates output directories, loads
    /// the micrograph and template and prepares the search.
    /// </summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="baseDirectory">Directory relative paths are resolved against (Leopard-EM: the current directory).</param>
    /// <param name="options">Run-time options.</param>
    /// <param name="backend">Compute backend; the CPU backend on the default FFT engine when null.</param>
    public static MatchTemplateJob Prepare(
        MatchTemplateSettings settings, string baseDirectory, MatchTemplateOptions options, ICorrelationBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        settings.ThrowIfInvalid();
        var problems = MatchTemplatePaths.Check(settings, baseDirectory).ToList();
        var mapPaths = settings.MatchTemplateResult.OutputPaths.Select(o => MatchTemplatePaths.Resolve(o.Path, baseDirectory)).ToHashSet();
        var extras = new[] { PixelSizeMapPathOf(settings), options.OutputCsvPath }.OfType<string>().ToList();
        foreach (var extra in extras)
        {
            var full = MatchTemplatePaths.Resolve(extra, baseDirectory);
            if (mapPaths.Contains(full))
            {
                problems.Add(new SettingsProblem("output", $"'{extra}' is also one of the match_template_result map paths; give it its own file."));
            }
            else if (!settings.MatchTemplateResult.AllowFileOverwrite && File.Exists(full))
            {
                problems.Add(new SettingsProblem("output", $"File '{extra}' already exists, but 'allow_file_overwrite' is False."));
            }
        }

        if (problems.Count > 0)
        {
            throw new SettingsValidationException(problems);
        }

        MatchTemplatePaths.CreateOutputDirectories(settings.MatchTemplateResult, baseDirectory);
        foreach (var directory in extras.Select(e => Path.GetDirectoryName(MatchTemplatePaths.Resolve(e, baseDirectory))))
        {
            // The table may go elsewhere than the maps; create its folder now, as Leopard-EM does for the maps.
            Directory.CreateDirectory(directory!);
        }

        var micrograph = MrcReader.ReadImage(MatchTemplatePaths.Resolve(settings.MicrographPath, baseDirectory));
        var template = MrcReader.ReadVolume(MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory));
        var fft = FftEngines.Default;
        var inputs = MatchTemplateInputsBuilder.Build(settings, micrograph, template, fft, options.ValidCrop, options.SliceConvention);
        return new MatchTemplateJob(settings, baseDirectory, options, inputs, backend ?? new CpuCorrelationBackend(fft));
    }

    /// <summary>
    /// Seconds per cross-correlation with the job's thread count, from Leopard-EM's benchmark protocol on two short
    /// runs: (T_b − T_a)/(b − a) for b and a orientations, so start-up costs (buffers, plans) cancel out.
    /// </summary>
    /// <param name="orientationsPerThread">Orientations per worker thread in the longer run (the shorter has one).</param>
    public double MeasureSecondsPerCorrelation(int orientationsPerThread = 3)
    {
        var space = Inputs.Space;
        var threads = Compute.ThreadCount.Resolve(Options.Threads);
        var shortRun = Math.Min(threads, space.OrientationCount);
        var longRun = Math.Min(Math.Max(orientationsPerThread, 2) * threads, space.OrientationCount);
        if (longRun <= shortRun)
        {
            return TimeRun(longRun) / (longRun * (double)space.DefocusCount * space.PixelSizeCount);
        }

        TimeRun(1); // creates FFT plans
        var difference = TimeRun(longRun) - TimeRun(shortRun);
        return Math.Max(difference, 1e-9) / ((longRun - shortRun) * (double)space.DefocusCount * space.PixelSizeCount);
    }

    // Batches of one orientation keep every thread busy during a short timing run.
    private double TimeRun(int orientations)
    {
        var watch = Stopwatch.StartNew();
        _backend.Run(Inputs, RunOptions(0, orientations) with { OrientationBatchSize = 1 }, null, CancellationToken.None);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Runs the search, picks peaks and writes every output.</summary>
    /// <param name="progress">Receives progress; may be null.</param>
    /// <param name="cancellation">Cancels between orientation batches; nothing is written after cancellation.</param>
    public MatchTemplateOutcome Run(IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var statistics = _backend.Run(Inputs, RunOptions(0, null), progress, cancellation);
        var seconds = watch.Elapsed.TotalSeconds;
        cancellation.ThrowIfCancellationRequested();

        var maps = SearchResultMaps.FromStatistics(statistics, Inputs.Space, Settings.OpticsGroup.PixelSize);
        var threshold = Options.ZScoreCutoff
            ?? ZScoreThreshold.FromFalsePositives(Options.FalsePositives, (long)maps.Height * maps.Width, maps.TotalCorrelations);
        var peaks = PeakFinder.Find(maps.ScaledMip, threshold, Options.MaskRadius);
        var particles = MatchTemplateParticles.Build(peaks, maps, Settings, Inputs.Template.Size);
        var written = WriteOutputs(maps, particles);
        return new MatchTemplateOutcome(maps, threshold, peaks, particles, seconds, written);
    }

    /// <inheritdoc />
    public void Dispose() => Inputs.Dispose();

    private SearchRunOptions RunOptions(int start, int? count) => new()
    {
        Threads = Options.Threads,
        OrientationBatchSize = Options.OrientationBatchSize,
        OrientationStart = start,
        OrientationCount = count,
    };

    private List<string> WriteOutputs(SearchResultMaps maps, ParticleTable particles)
    {
        var result = Settings.MatchTemplateResult;
        var overwrite = result.AllowFileOverwrite;
        var voxel = (float)Settings.OpticsGroup.PixelSize;
        var outputs = new List<(string Path, Image2D Map, string Label)>
        {
            (result.MipPath, maps.Mip, "maximum intensity projection (MIP) of the cross-correlation"),
            (result.ScaledMipPath, maps.ScaledMip, "z-score (MIP - mean) / standard deviation"),
            (result.CorrelationAveragePath, maps.CorrelationMean, "mean of all cross-correlations"),
            (result.CorrelationVariancePath, maps.CorrelationStandardDeviation, "STANDARD DEVIATION of all cross-correlations"),
            (result.OrientationPsiPath, maps.Psi, "psi of the best match, degrees (ZYZ)"),
            (result.OrientationThetaPath, maps.Theta, "theta of the best match, degrees (ZYZ)"),
            (result.OrientationPhiPath, maps.Phi, "phi of the best match, degrees (ZYZ)"),
            (result.RelativeDefocusPath, maps.RelativeDefocus, "relative defocus of the best match, A"),
        };
        if (PixelSizeMapPath is { } pixelSizePath)
        {
            outputs.Add((pixelSizePath, maps.PixelSize, "pixel size of the best match, A"));
        }

        var written = new List<string>();
        foreach (var (path, map, label) in outputs)
        {
            var full = MatchTemplatePaths.Resolve(path, BaseDirectory);
            MrcWriter.Write(full, map, overwrite, new MrcWriteOptions
            {
                VoxelSize = new System.Numerics.Vector3(voxel, voxel, voxel),
                Labels = [$"match_template: {label}"],
            });
            written.Add(full);
        }

        if (Options.OutputCsvPath is { } csv)
        {
            var full = MatchTemplatePaths.Resolve(csv, BaseDirectory);
            ParticleTableCsv.Write(full, particles, overwrite);
            written.Add(full);
        }

        return written;
    }

    private static string? PixelSizeMapPathOf(MatchTemplateSettings settings)
    {
        if (!settings.PixelSizeSearchConfig.Enabled)
        {
            return null;
        }

        var defocus = settings.MatchTemplateResult.RelativeDefocusPath;
        var name = Path.GetFileName(defocus);
        var replaced = name.Contains("relative_defocus", StringComparison.Ordinal)
            ? name.Replace("relative_defocus", "pixel_size", StringComparison.Ordinal)
            : Path.GetFileNameWithoutExtension(name) + "_pixel_size" + Path.GetExtension(name);
        return Path.Combine(Path.GetDirectoryName(defocus) ?? "", replaced);
    }
}
