using LeopardEm.Imaging;
using LeopardEm.Interop;
using LeopardEm.Io;
using LeopardEm.Outputs;
using LeopardEm.Particles;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// A prepared export of a Leopard-EM particle table to RELION: the table read (refined values preferred, as for a
/// refinement), the outputs claimed (<see cref="OutputSet{TResult}"/>: checked, locked, written all or none). The
/// STAR file is laid out by <see cref="ParticleStarExport"/> (paths relative to its folder); with extraction, the
/// particles are cut out of their micrographs as RELION's Extract job does (<see cref="ParticleExtraction"/>) into
/// one stack.
/// </summary>
public sealed class ExportStarJob : IDisposable
{
    private readonly ParticleSet _resolved;

    private ExportStarJob(ExportStarOptions options, ParticleStack table, ParticleSet resolved, ParticleSet written, OutputSet<ExportStarOutcome> outputs, IReadOnlyList<string> notes)
    {
        Options = options;
        Table = table;
        _resolved = resolved;
        Particles = written;
        Outputs = outputs;
        Notes = notes;
    }

    /// <summary>The options.</summary>
    public ExportStarOptions Options { get; }

    /// <summary>The particle table being exported.</summary>
    public ParticleStack Table { get; }

    /// <summary>The particles as they will be written (paths relative to the STAR file's folder).</summary>
    public ParticleSet Particles { get; }

    /// <summary>The files <see cref="Run"/> writes.</summary>
    public OutputSet<ExportStarOutcome> Outputs { get; }

    /// <summary>Things worth telling the user (column fallbacks, files repaired after an interrupted run).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// Checks the inputs and claims the outputs, then reads the table (and, without extraction, the template's edge).
    /// </summary>
    /// <param name="tablePath">The particle table CSV (match_template's or refine_template's).</param>
    /// <param name="baseDirectory">Directory relative paths (options and the table's micrograph paths) are resolved
    /// against.</param>
    /// <param name="options">What to write.</param>
    /// <exception cref="ArgumentException">The options are inconsistent (a stack without extraction options, or
    /// neither a template nor extraction to set the image size).</exception>
    /// <exception cref="SettingsValidationException">An input is missing or an output cannot be written.</exception>
    /// <exception cref="FormatException">The table lacks columns, has unusable values or no particles.</exception>
    /// <exception cref="FileNotFoundException">A micrograph to extract from does not exist.</exception>
    public static ExportStarJob Prepare(string tablePath, string baseDirectory, ExportStarOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(tablePath);
        ArgumentNullException.ThrowIfNull(options);
        if ((options.StackPath is null) != (options.Extraction is null))
        {
            throw new ArgumentException("Extraction needs both a stack path and the extraction options (box size).", nameof(options));
        }

        options.Extraction?.ThrowIfInvalid();
        if (options.Extraction is null && options.TemplatePath is null)
        {
            throw new ArgumentException("Without extraction the image size is the template's edge: give the template (or extract).", nameof(options));
        }

        var table = MatchTemplatePaths.Resolve(tablePath, baseDirectory);
        var template = options.Extraction is null ? MatchTemplatePaths.Resolve(options.TemplatePath!, baseDirectory) : null;
        var problems = new List<SettingsProblem>();
        MatchTemplatePaths.CheckInput(problems, "TABLE", "particle table", tablePath, baseDirectory);
        if (template is not null)
        {
            MatchTemplatePaths.CheckInput(problems, "template_volume_path", "template volume", options.TemplatePath!, baseDirectory);
        }

        var outputs = OutputsOf(options, baseDirectory);
        var repaired = outputs.Claim([("TABLE", table), ("template_volume_path", template ?? "")], problems);
        try
        {
            return Load(table, template, baseDirectory, options, outputs, repaired);
        }
        catch
        {
            outputs.Dispose();
            throw;
        }
    }

    /// <summary>Extracts the particles (when asked) and writes the outputs, all or none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A particle's box does not overlap its micrograph.</exception>
    public ExportStarOutcome Run()
    {
        IReadOnlyList<Image2D> boxes = Options.Extraction is { } extraction
            ? ParticleExtraction.ExtractAll(_resolved.Particles, MrcReader.ReadImage, extraction)
            : [];
        var outcome = new ExportStarOutcome(Particles, boxes, Outputs.Paths);
        Outputs.Publish(outcome);
        return outcome;
    }

    /// <summary>Releases the outputs' locks.</summary>
    public void Dispose() => Outputs.Dispose();

    private static ExportStarJob Load(
        string tablePath, string? templatePath, string baseDirectory, ExportStarOptions options,
        OutputSet<ExportStarOutcome> outputs, IReadOnlyList<string> repaired)
    {
        var stack = ParticleStack.Read(tablePath);
        if (stack.Count == 0)
        {
            throw new FormatException($"{tablePath} has no particles; there is nothing to export.");
        }

        var imageSize = options.Extraction?.BoxSize ?? MrcReader.ReadHeader(templatePath!).Nx;
        var resolved = ParticleStarExport.Resolve(ParticleStackExport.ToParticleSet(stack, imageSize), baseDirectory);
        if (options.Extraction is not null
            && resolved.Particles.Select(p => p.MicrographPath).Distinct().FirstOrDefault(p => !File.Exists(p)) is { } missing)
        {
            throw new FileNotFoundException($"{tablePath} names the micrograph '{missing}', which does not exist; it is needed to extract the particles.", missing);
        }

        var starPath = MatchTemplatePaths.Resolve(options.StarPath, baseDirectory);
        var stackPath = options.StackPath is null ? null : MatchTemplatePaths.Resolve(options.StackPath, baseDirectory);
        var written = ParticleStarExport.Locate(resolved, starPath, stackPath);
        return new ExportStarJob(options, stack, resolved, written, outputs, [.. stack.Notes, .. repaired]);
    }

    private static OutputSet<ExportStarOutcome> OutputsOf(ExportStarOptions options, string baseDirectory)
    {
        var writers = new List<IOutputWriter<ExportStarOutcome>>
        {
            new ParticleStarOutput<ExportStarOutcome>(OutputTarget.Resolve("--out", options.StarPath, baseDirectory), outcome => outcome.Particles),
        };
        if (options.StackPath is { } stack)
        {
            writers.Add(new ImageStackOutput<ExportStarOutcome>(
                OutputTarget.Resolve("--extract", stack, baseDirectory),
                outcome => outcome.Boxes,
                outcome => outcome.Particles.Optics[0].ImagePixelSize));
        }

        return new OutputSet<ExportStarOutcome>(writers, options.AllowOverwrite, "; pass --overwrite to replace it.");
    }
}
