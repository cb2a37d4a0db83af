using System.Diagnostics;
using LeopardEm.Compute;
using LeopardEm.Imaging;
using LeopardEm.Interop;
using LeopardEm.Io;
using LeopardEm.Outputs;
using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Search;
using LeopardEm.Settings;
using LeopardEm.Shards;

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
    private readonly List<string> _notes;
    private string? _spaceFingerprint;

    private MatchTemplateJob(
        MatchTemplateSettings settings, string baseDirectory, MatchTemplateOptions options, SearchInputs inputs,
        ComputeBackend backend, OutputSet<MatchTemplateOutcome> outputs, OutputSet<PartialResult> partOutputs, string fingerprint,
        List<string> notes)
    {
        _notes = notes;
        PartOutputs = partOutputs;
        Fingerprint = fingerprint;
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

    /// <summary>The partial result a shard run writes (empty unless <see cref="MatchTemplateOptions.PartialPath"/> is
    /// set, in which case <see cref="Outputs"/> is empty).</summary>
    public OutputSet<PartialResult> PartOutputs { get; }

    /// <summary>What identifies this search (SHA-256, lowercase hex): the settings' fingerprint from the options, the
    /// micrograph's and template's contents, the CTF actually used, the search space and the statistics region. Parts
    /// and checkpoints are combined only with equal fingerprints.</summary>
    public string Fingerprint { get; }

    /// <summary>What the user should know: the backend choice, files repaired after an interrupted run, settings that
    /// look wrong for the data, a resumed checkpoint.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Cross-correlations of the whole search (orientations x defocus planes x pixel-size planes).</summary>
    public long TotalCorrelations => Inputs.Space.Total;

    /// <summary>
    /// Claims the outputs (<see cref="OutputSet{TResult}.Claim"/>: locked, repaired after a killed run, checked, folders
    /// created) and checks the inputs exist, then loads the micrograph and template and prepares the search. With
    /// <see cref="MatchTemplateOptions.CtfPath"/>, the file's CTF estimate for the micrograph replaces the configured
    /// defocus, astigmatism and phase shift (<see cref="CtfOverride"/>) before anything else; <see cref="Settings"/>
    /// and every output then carry the file's values.
    /// </summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="baseDirectory">Directory relative paths are resolved against (Leopard-EM: the current directory).</param>
    /// <param name="options">Run-time options.</param>
    /// <param name="backend">What to compute on; the CPU on the default FFT engine when null.</param>
    /// <exception cref="SettingsValidationException">An input is missing or an output cannot be written.</exception>
    /// <exception cref="StarFormatException">The CTF file is malformed or has no estimate for the micrograph.</exception>
    public static MatchTemplateJob Prepare(
        MatchTemplateSettings settings, string baseDirectory, MatchTemplateOptions options, ComputeBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        settings.ThrowIfInvalid();
        var ctf = options.CtfPath is { } ctfPath ? MatchTemplatePaths.Resolve(ctfPath, baseDirectory) : null;
        var problems = MatchTemplatePaths.Check(settings, baseDirectory).ToList();
        CtfOverride? estimate = null;
        if (ctf is not null)
        {
            MatchTemplatePaths.CheckInput(problems, "--ctf", "the CTF estimate", ctf, baseDirectory);

            // Read before the outputs are claimed, so a malformed file stops the run before any folder is created.
            if (File.Exists(ctf))
            {
                estimate = CtfOverride.Read(ctf, settings.MicrographPath, settings.OpticsGroup);
                settings = settings with { OpticsGroup = estimate.Optics };
                settings.ThrowIfInvalid();
            }
        }

        // A shard's run writes only its partial result: the maps are the merge's, and the shards of one search run
        // side by side, so none of them may lock the maps.
        var outputs = options.PartialPath is null
            ? OutputsOf(settings, baseDirectory, options)
            : new OutputSet<MatchTemplateOutcome>([], settings.MatchTemplateResult.AllowFileOverwrite, "");
        var partOutputs = PartOutputsOf(options, baseDirectory);
        (string, string)[] inputFiles =
        [
            ("micrograph_path", MatchTemplatePaths.Resolve(settings.MicrographPath, baseDirectory)),
            ("template_volume_path", MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory)),
            ("--ctf", ctf ?? ""),
        ];
        var notes = outputs.Claim(inputFiles, problems).ToList();
        try
        {
            notes.AddRange(partOutputs.Claim(inputFiles, []));
        }
        catch
        {
            outputs.Dispose();
            throw;
        }

        if (estimate is not null)
        {
            notes.Add(estimate.Note);
            notes.AddRange(estimate.Warnings);
        }

        try
        {
            return Load(settings, baseDirectory, options, backend ?? ComputeBackend.Cpu(), outputs, partOutputs, notes);
        }
        catch
        {
            outputs.Dispose();
            partOutputs.Dispose();
            throw;
        }
    }

    private static MatchTemplateJob Load(
        MatchTemplateSettings settings, string baseDirectory, MatchTemplateOptions options, ComputeBackend compute,
        OutputSet<MatchTemplateOutcome> outputs, OutputSet<PartialResult> partOutputs, List<string> notes)
    {
        var micrographPath = MatchTemplatePaths.Resolve(settings.MicrographPath, baseDirectory);
        var templatePath = MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory);
        var micrograph = MrcReader.ReadImage(micrographPath, out var micrographHeader);
        var template = MrcReader.ReadVolume(templatePath, out var templateHeader);
        var (scaleNotes, scaleProblems) = PixelSizeConsistency.Check(
            settings.OpticsGroup.PixelSize, micrographHeader, micrographPath, templateHeader, templatePath, options.AllowPixelSizeMismatch);
        SettingsValidationException.ThrowIfAny(scaleProblems);
        notes.AddRange(scaleNotes);
        SampleChecks.RequireSearchable(micrograph, "the micrograph", micrographPath);
        SampleChecks.RequireSearchable(template, "the template", templatePath);
        MatchTemplateInputsBuilder.CheckShapes(micrograph, template, $"'{micrographPath}'", $"'{templatePath}'");
        SettingsValidationException.ThrowIfAny(SearchBudget.CheckMatchTemplate(
            settings, micrograph.Height, micrograph.Width, template.Width, ThreadCount.Resolve(options.Threads), SearchBudget.AvailableBytes));
        var inputs = MatchTemplateInputsBuilder.Build(settings, micrograph, template, compute.Fft, options.ValidCrop, options.SliceConvention);
        if (compute.Note is { } note)
        {
            notes.Add(note);
        }

        var fingerprint = SearchFingerprint(settings, options, micrographPath, templatePath, inputs);
        return new MatchTemplateJob(settings, baseDirectory, options, inputs, compute, outputs, partOutputs, fingerprint, notes);
    }

    /// <summary>
    /// Seconds per cross-correlation of this search on this machine with the job's threads, measured on the first
    /// orientations: each worker runs through several statistics groups, and the rate is taken from the progress
    /// reports of the last two thirds of that run, so plan creation, first-touch page faults and unoptimised (tier-0)
    /// code, which a long run pays once, are left out.
    /// </summary>
    public double MeasureSecondsPerCorrelation()
    {
        var space = Inputs.Space;
        var threads = ThreadCount.Resolve(Options.Threads);
        var planes = space.DefocusCount * space.PixelSizeCount;
        var perWorker = Math.Max(3, (3 * CpuCorrelationWorker.MaxGroup + planes - 1) / planes);
        var orientations = Math.Min(space.OrientationCount, perWorker * threads);
        using var view = Inputs.ForFirstOrientations(orientations);
        var reports = new System.Collections.Concurrent.ConcurrentQueue<(double Seconds, long Done)>();
        var watch = Stopwatch.StartNew();
        var progress = new ReportingProgress(p => reports.Enqueue((watch.Elapsed.TotalSeconds, p.CorrelationsDone)));
        _backend.Search.Run(view, RunOptions(null) with { OrientationBatchSize = 1 }, progress, CancellationToken.None);
        var total = watch.Elapsed.TotalSeconds;
        var ordered = reports.OrderBy(r => r.Done).ToList();
        var from = ordered.FirstOrDefault(r => r.Done >= view.Space.Total / 3);
        var to = ordered.LastOrDefault();
        return to.Done > from.Done && to.Seconds > from.Seconds
            ? (to.Seconds - from.Seconds) / (to.Done - from.Done)
            : total / view.Space.Total;
    }

    // Reports on the reporting thread at once, so the time stamp is the time of the report.
    private sealed class ReportingProgress(Action<SearchProgress> report) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => report(value);
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
        var options = PickingOptionsOf(Options, maps.TotalCorrelations);
        var picking = ParticlePicker.Pick(maps.Mip, maps.ScaledMip, options);
        var peaks = picking.Picks.Select(p => new Peak(p.Y, p.X, p.ZScore)).ToList();
        var particles = MatchTemplateParticles.Build(picking.Picks, maps, Settings, Inputs.Template.Size);
        var warnings = ContrastCheck.Warning(maps) is { } contrast ? new[] { contrast } : [];
        var outcome = new MatchTemplateOutcome(maps, picking.Cutoff, peaks, particles, searchSeconds, Outputs.Paths, warnings)
        {
            Picking = picking,
            PickingOptions = options,
            TemplateSize = Inputs.Template.Size,
        };
        Outputs.Publish(outcome);
        return outcome;
    }

    /// <summary>Runs the whole search (saving checkpoints and continuing from one when
    /// <see cref="MatchTemplateOptions.Checkpoint"/> is set), then <see cref="Finish"/>.</summary>
    /// <param name="progress">Receives progress; may be null.</param>
    /// <param name="cancellation">Cancels between orientation batches; nothing is written after cancellation (but the
    /// checkpoint, when there is one).</param>
    public MatchTemplateOutcome Run(IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var statistics = SearchWithCheckpoints(LeopardEm.Search.SearchRange.Whole(Inputs.Space), progress, cancellation);
        var seconds = watch.Elapsed.TotalSeconds;
        cancellation.ThrowIfCancellationRequested();
        var outcome = Finish(statistics, seconds);
        CheckpointedSearch.Complete(Options.Checkpoint);
        return outcome;
    }

    /// <summary>Computes the shard of <see cref="MatchTemplateOptions.Shard"/> (the whole search without one), with
    /// checkpoints as <see cref="Run"/>, and publishes its partial result to <see cref="MatchTemplateOptions.PartialPath"/>.</summary>
    /// <param name="progress">Receives progress of the shard; may be null.</param>
    /// <param name="cancellation">Cancels between orientation batches; only the checkpoint is written then.</param>
    public PartialResult RunPart(IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        if (Options.PartialPath is null)
        {
            throw new InvalidOperationException("This job has no partial-result path; use Run.");
        }

        var range = Options.Shard?.RangeIn(Inputs.Space.Total) ?? LeopardEm.Search.SearchRange.Whole(Inputs.Space);
        var statistics = SearchWithCheckpoints(range, progress, cancellation);
        cancellation.ThrowIfCancellationRequested();
        var part = new PartialResult(PartialHeaderFor(range), statistics);
        PartOutputs.Publish(part);
        CheckpointedSearch.Complete(Options.Checkpoint);
        return part;
    }

    /// <summary>Merges the partial results of this search (any split into parts that tile it, given in any order) and
    /// finishes it as <see cref="Finish"/>: maps, picks and table equal to one uninterrupted run's (MIP and labels bit
    /// for bit).</summary>
    /// <param name="partialPaths">The partial-result files.</param>
    /// <exception cref="PartialResultException">A file is unreadable or damaged, or the set is not exactly this search
    /// (every offending file and every missing range is named).</exception>
    public MatchTemplateOutcome Merge(IReadOnlyList<string> partialPaths)
    {
        ArgumentNullException.ThrowIfNull(partialPaths);
        var parts = partialPaths.Select(path => (path, PartialResultFile.Read(path))).ToList();
        var statistics = PartialSet.Merge(
            parts, Fingerprint, SpaceFingerprint, Inputs.Space.Total, Inputs.RegionHeight, Inputs.RegionWidth);
        return Finish(statistics, 0);
    }

    /// <summary>The header of this search's partial results for <paramref name="range"/>.</summary>
    public PartialHeader PartialHeaderFor(SearchRange range) => new()
    {
        ProgramVersion = PartialResultFile.ProgramVersion,
        SearchFingerprint = Fingerprint,
        SearchSpaceFingerprint = SpaceFingerprint,
        RangeStart = range.Start,
        RangeCount = range.Count,
        Total = Inputs.Space.Total,
        Height = Inputs.RegionHeight,
        Width = Inputs.RegionWidth,
        Count = range.Count,
        Sha256 = "",
    };

    private string SpaceFingerprint => _spaceFingerprint ??= Inputs.Space.Fingerprint();

    private SearchStatistics SearchWithCheckpoints(SearchRange range, IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        // The first piece: a few batches of every worker, enough to time the pieces after it.
        var firstPiece = 4 * ThreadCount.Resolve(Options.Threads) * Options.OrientationBatchSize * Inputs.Space.DefocusCount * Inputs.Space.PixelSizeCount;
        return CheckpointedSearch.Run(
            range, (part, p, c) => Search(part, p, c), PartialHeaderFor(range), Options.Checkpoint, firstPiece, progress, cancellation,
            note => _notes.Add(note));
    }

    /// <summary>Releases the inputs and the outputs' locks.</summary>
    public void Dispose()
    {
        Inputs.Dispose();
        Outputs.Dispose();
        PartOutputs.Dispose();
    }

    // Leopard-EM's z-score picking unless a metric was chosen; either way with this search's correlations per pixel.
    private static PickingOptions PickingOptionsOf(MatchTemplateOptions options, long correlationsPerPixel)
    {
        var picking = options.Picking ?? new PickingOptions
        {
            Metric = PickingMetric.ZScore,
            FalsePositives = options.FalsePositives,
            ZScoreCutoff = options.ZScoreCutoff,
            MaskRadius = options.MaskRadius,
        };
        return picking with { CorrelationsPerPixel = correlationsPerPixel };
    }

    private SearchRunOptions RunOptions(SearchRange? range) => new()
    {
        Threads = Options.Threads,
        OrientationBatchSize = Options.OrientationBatchSize,
        Range = range,
    };

    // Leopard-EM's eight maps in its order, the pixel-size map when pixel size is searched, the table, then the
    // picking outputs.
    private static OutputSet<MatchTemplateOutcome> OutputsOf(MatchTemplateSettings settings, string baseDirectory, MatchTemplateOptions options)
    {
        var result = settings.MatchTemplateResult;
        var pixelSize = settings.OpticsGroup.PixelSize;
        var writers = new List<IOutputWriter<MatchTemplateOutcome>>(
            ResultMapFiles.Of(settings).Select(file => new MrcOutput<MatchTemplateOutcome>(
                OutputTarget.Resolve(ResultMapFiles.YamlKeyOf(file), file.Path, baseDirectory),
                outcome => file.Map(outcome.Maps), pixelSize, $"match_template: {file.Label}")));
        if (options.OutputCsvPath is { } csv)
        {
            writers.Add(PickingOutputs.Table("--output-csv", csv, baseDirectory, metricColumns: options.Picking is not null));
        }

        if (options.CoordinatesPath is { } coordinates)
        {
            writers.Add(PickingOutputs.Coordinates("--coords", coordinates, baseDirectory));
        }

        if (options.FullSizeMapsDirectory is { } directory)
        {
            if (!options.ValidCrop)
            {
                throw new ArgumentException("Full-size maps are made from valid-cropped maps; they need ValidCrop.", nameof(options));
            }

            writers.AddRange(PickingOutputs.FullSizeMaps("--full-size-maps", directory, settings, baseDirectory));
        }

        writers.AddRange(options.AdditionalOutputs);

        if (options.OutputStarPath is { } star)
        {
            writers.Add(ParticleStarOutputs.ForMatchTemplate(star, settings, baseDirectory));
        }

        return new OutputSet<MatchTemplateOutcome>(
            writers, result.AllowFileOverwrite,
            ", but 'allow_file_overwrite' is False. Set 'allow_file_overwrite: true' in match_template_result to replace it.");
    }
    private static OutputSet<PartialResult> PartOutputsOf(MatchTemplateOptions options, string baseDirectory) => new(
        options.PartialPath is { } partial ? [new PartialOutput(OutputTarget.Resolve("--partial", partial, baseDirectory))] : [],
        allowOverwrite: false, "; a shard's result is never replaced: delete it to compute the shard again.");

    // Settings (from the options), file contents, the CTF in use, the space and the region: what the statistics depend on.
    private static string SearchFingerprint(
        MatchTemplateSettings settings, MatchTemplateOptions options, string micrographPath, string templatePath, SearchInputs inputs)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text + "\n"));
        Add("leopard-search-v1");
        Add(options.SettingsFingerprint);
        foreach (var path in new[] { micrographPath, templatePath })
        {
            using var file = File.OpenRead(path);
            Add(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)));
        }

        var o = settings.OpticsGroup;
        Add(FormattableString.Invariant($"{o.DefocusU:R} {o.DefocusV:R} {o.AstigmatismAngle:R} {o.PhaseShift:R} {o.PixelSize:R}"));
        Add(inputs.Space.Fingerprint());
        Add(FormattableString.Invariant($"{inputs.RegionHeight} {inputs.RegionWidth} {options.SliceConvention}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

}
