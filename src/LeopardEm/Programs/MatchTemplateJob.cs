using System.Diagnostics;
using LeopardEm.Compute;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Outputs;
using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// A prepared match_template run: inputs checked and loaded, preprocessing done, outputs known to be writable. The run
/// has two halves, so a search can be split over shards, checkpoints or devices: <see cref="Search"/> computes the
/// statistics of any range of the search space, and <see cref="Finish"/> turns the statistics of the whole space
/// into Leopard-EM's eight maps (plus the pixel-size map when pixel size is searched), the peaks and the particle
/// table, and writes them. <see cref="Run"/> does both.
/// </summary>
public sealed class MatchTemplateJob : IDisposable
{
    private readonly ComputeBackend _backend;

    private MatchTemplateJob(
        MatchTemplateSettings settings, string baseDirectory, MatchTemplateOptions options, SearchInputs inputs,
        ComputeBackend backend, OutputSet<MatchTemplateOutcome> outputs, IReadOnlyList<string> notes)
    {
        Notes = notes;
        Settings = settings;
        BaseDirectory = baseDirectory;
        Options = options;
        Inputs = inputs;
        _backend = backend;
        Outputs = outputs;
    }

    /// <summary>The validated settings.</summary>
    public MatchTemplateSettings Settings { get; }

    /// <summary>Directory relative paths are resolved against.</summary>
    public string BaseDirectory { get; }

    /// <summary>Run-time options.</summary>
    public MatchTemplateOptions Options { get; }

    /// <summary>The prepared search inputs.</summary>
    public SearchInputs Inputs { get; }

    /// <summary>The files <see cref="Finish"/> writes.</summary>
    public OutputSet<MatchTemplateOutcome> Outputs { get; }

    /// <summary>The backend's name.</summary>
    public string BackendName => _backend.Search.Name;

    /// <summary>What the user should know before the run: the backend choice, files repaired after an interrupted
    /// run, settings that look wrong for the data.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Cross-correlations of the whole search (orientations x defocus planes x pixel-size planes).</summary>
    public long TotalCorrelations => Inputs.Space.Total;

    /// <summary>
    /// Claims the outputs (<see cref="OutputSet{TResult}.Claim"/>: locked, repaired after a killed run, checked, folders
    /// created) and checks the inputs exist, then loads the micrograph and template and prepares the search.
    /// </summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="baseDirectory">Directory relative paths are resolved against (Leopard-EM: the current directory).</param>
    /// <param name="options">Run-time options.</param>
    /// <param name="backend">What to compute on; the CPU on the default FFT engine when null.</param>
    /// <exception cref="SettingsValidationException">An input is missing or an output cannot be written.</exception>
    public static MatchTemplateJob Prepare(
        MatchTemplateSettings settings, string baseDirectory, MatchTemplateOptions options, ComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        settings.ThrowIfInvalid();
        var outputs = OutputsOf(settings, baseDirectory, options);
        var notes = outputs.Claim(
            [
                ("micrograph_path", MatchTemplatePaths.Resolve(settings.MicrographPath, baseDirectory)),
                ("template_volume_path", MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory)),
            ],
            MatchTemplatePaths.Check(settings, baseDirectory)).ToList();
        try
        {
            return Load(settings, baseDirectory, options, backend ?? ComputeBackend.Cpu(), outputs, notes);
        }
        catch
        {
            outputs.Dispose();
            throw;
        }
    }

    private static MatchTemplateJob Load(
        MatchTemplateSettings settings, string baseDirectory, MatchTemplateOptions options, ComputeBackend compute,
        OutputSet<MatchTemplateOutcome> outputs, List<string> notes)
    {
        var micrographPath = MatchTemplatePaths.Resolve(settings.MicrographPath, baseDirectory);
        var templatePath = MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory);
        var micrograph = MrcReader.ReadImage(micrographPath);
        var template = MrcReader.ReadVolume(templatePath);
        SampleChecks.RequireSearchable(micrograph, "the micrograph", micrographPath);
        SampleChecks.RequireSearchable(template, "the template", templatePath);
        var inputs = MatchTemplateInputsBuilder.Build(settings, micrograph, template, compute.Fft, options.ValidCrop, options.SliceConvention);
        if (compute.Note is { } note)
        {
            notes.Add(note);
        }

        return new MatchTemplateJob(settings, baseDirectory, options, inputs, compute, outputs, notes);
    }

    /// <summary>
    /// Seconds per cross-correlation with the job's thread count, from Leopard-EM's benchmark protocol on two short
    /// runs: (T_b − T_a)/(b − a) for b and a orientations, so start-up costs (buffers, plans) cancel out.
    /// </summary>
    /// <param name="orientationsPerThread">Orientations per worker thread in the longer run (the shorter has one).</param>
    public double MeasureSecondsPerCorrelation(int orientationsPerThread = 3)
    {
        var space = Inputs.Space;
        var threads = ThreadCount.Resolve(Options.Threads);
        var shortRun = Math.Min(threads, space.OrientationCount);
        var longRun = Math.Min(Math.Max(orientationsPerThread, 2) * threads, space.OrientationCount);
        var planes = (double)space.DefocusCount * space.PixelSizeCount;
        if (longRun <= shortRun)
        {
            return TimeRun(longRun) / (longRun * planes);
        }

        TimeRun(1); // creates FFT plans
        var difference = TimeRun(longRun) - TimeRun(shortRun);
        return Math.Max(difference, 1e-9) / ((longRun - shortRun) * planes);
    }

    // Batches of one orientation keep every thread busy during a short timing run.
    private double TimeRun(int orientations)
    {
        using var view = Inputs.ForFirstOrientations(orientations);
        var watch = Stopwatch.StartNew();
        _backend.Search.Run(view, RunOptions(null) with { OrientationBatchSize = 1 }, null, CancellationToken.None);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Computes the statistics of <paramref name="range"/> of the search space (all of it when null).</summary>
    /// <param name="range">Global search indices to correlate.</param>
    /// <param name="progress">Receives progress; may be null.</param>
    /// <param name="cancellation">Cancels between orientation batches.</param>
    public SearchStatistics Search(SearchRange? range, IProgress<SearchProgress>? progress, CancellationToken cancellation) =>
        _backend.Search.Run(Inputs, RunOptions(range), progress, cancellation);

    /// <summary>
    /// Turns the statistics of the whole search into maps, picks peaks, builds the particle table and writes every
    /// output together (all or none).
    /// </summary>
    /// <param name="statistics">Statistics of every correlation of the search (a single run or merged parts).</param>
    /// <param name="searchSeconds">Wall time the search took, reported in the outcome.</param>
    /// <exception cref="ArgumentException">The statistics do not cover the whole search.</exception>
    public MatchTemplateOutcome Finish(SearchStatistics statistics, double searchSeconds)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (statistics.Count != Inputs.Space.Total || statistics.Height != Inputs.RegionHeight || statistics.Width != Inputs.RegionWidth)
        {
            throw new ArgumentException(
                $"The statistics hold {statistics.Count} of the search's {Inputs.Space.Total} correlations over " +
                $"{statistics.Width} x {statistics.Height} px (expected {Inputs.RegionWidth} x {Inputs.RegionHeight}).",
                nameof(statistics));
        }

        var maps = SearchResultMaps.FromStatistics(statistics, Inputs.Space, Settings.OpticsGroup.PixelSize);
        var threshold = Options.ZScoreCutoff
            ?? ZScoreThreshold.FromFalsePositives(Options.FalsePositives, (long)maps.Height * maps.Width, maps.TotalCorrelations);
        var peaks = PeakFinder.Find(maps.ScaledMip, threshold, Options.MaskRadius);
        var particles = MatchTemplateParticles.Build(peaks, maps, Settings, Inputs.Template.Size);
        var outcome = new MatchTemplateOutcome(maps, threshold, peaks, particles, searchSeconds, Outputs.Paths);
        Outputs.Publish(outcome);
        return outcome;
    }

    /// <summary>Runs the whole search, then <see cref="Finish"/>.</summary>
    /// <param name="progress">Receives progress; may be null.</param>
    /// <param name="cancellation">Cancels between orientation batches; nothing is written after cancellation.</param>
    public MatchTemplateOutcome Run(IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var statistics = Search(null, progress, cancellation);
        var seconds = watch.Elapsed.TotalSeconds;
        cancellation.ThrowIfCancellationRequested();
        return Finish(statistics, seconds);
    }

    /// <summary>Releases the inputs and the outputs' locks.</summary>
    public void Dispose()
    {
        Inputs.Dispose();
        Outputs.Dispose();
    }

    private SearchRunOptions RunOptions(SearchRange? range) => new()
    {
        Threads = Options.Threads,
        OrientationBatchSize = Options.OrientationBatchSize,
        Range = range,
    };

    // Leopard-EM's eight maps in its order, the pixel-size map when pixel size is searched, then the table.
    private static OutputSet<MatchTemplateOutcome> OutputsOf(MatchTemplateSettings settings, string baseDirectory, MatchTemplateOptions options)
    {
        var result = settings.MatchTemplateResult;
        var pixelSize = settings.OpticsGroup.PixelSize;
        MrcOutput<MatchTemplateOutcome> Map(string key, string path, Func<SearchResultMaps, Image2D> map, string label) => new(
            OutputTarget.Resolve($"{MatchTemplateResultConfig.YamlKey}.{key}", path, baseDirectory),
            outcome => map(outcome.Maps), pixelSize, $"match_template: {label}");
        var writers = new List<IOutputWriter<MatchTemplateOutcome>>
        {
            Map("mip_path", result.MipPath, m => m.Mip, "maximum intensity projection (MIP) of the cross-correlation"),
            Map("scaled_mip_path", result.ScaledMipPath, m => m.ScaledMip, "z-score (MIP - mean) / standard deviation"),
            Map("correlation_average_path", result.CorrelationAveragePath, m => m.CorrelationMean, "mean of all cross-correlations"),
            Map("correlation_variance_path", result.CorrelationVariancePath, m => m.CorrelationStandardDeviation, "STANDARD DEVIATION of all cross-correlations"),
            Map("orientation_psi_path", result.OrientationPsiPath, m => m.Psi, "psi of the best match, degrees (ZYZ)"),
            Map("orientation_theta_path", result.OrientationThetaPath, m => m.Theta, "theta of the best match, degrees (ZYZ)"),
            Map("orientation_phi_path", result.OrientationPhiPath, m => m.Phi, "phi of the best match, degrees (ZYZ)"),
            Map("relative_defocus_path", result.RelativeDefocusPath, m => m.RelativeDefocus, "relative defocus of the best match, A"),
        };
        if (PixelSizeMapPathOf(settings) is { } pixelSizePath)
        {
            writers.Add(Map("pixel_size_path (next to relative_defocus_path)", pixelSizePath, m => m.PixelSize, "pixel size of the best match, A"));
        }

        if (options.OutputCsvPath is { } csv)
        {
            writers.Add(new ParticleCsvOutput<MatchTemplateOutcome>(
                OutputTarget.Resolve("--output-csv", csv, baseDirectory), outcome => MatchTemplateParticleColumns.ToTable(outcome.Particles)));
        }

        return new OutputSet<MatchTemplateOutcome>(
            writers, result.AllowFileOverwrite,
            ", but 'allow_file_overwrite' is False. Set 'allow_file_overwrite: true' in match_template_result to replace it.");
    }

    // The pixel-size map goes next to the relative-defocus map, named after it.
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
