using LeopardEm.Outputs;
using LeopardEm.Peaks;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// Picks particles again in the maps a match_template run saved, with any metric, without searching: the maps named in
/// the configuration's <c>match_template_result</c> block are read (<see cref="SavedSearchMaps"/>), picked with
/// <see cref="ParticlePicker.Pick"/>, and the particles written like match_template's, all outputs together.
/// </summary>
public sealed class PickJob : IDisposable
{
    private PickJob(MatchTemplateSettings settings, PickingOptions picking, SavedSearchMaps saved, OutputSet<PickOutcome> outputs, IReadOnlyList<string> notes)
    {
        Settings = settings;
        Picking = picking;
        Saved = saved;
        Outputs = outputs;
        Notes = notes;
    }

    /// <summary>The configuration whose maps are picked.</summary>
    public MatchTemplateSettings Settings { get; }

    /// <summary>The picking options, with the correlations per pixel of the configuration's search.</summary>
    public PickingOptions Picking { get; }

    /// <summary>The maps read back.</summary>
    public SavedSearchMaps Saved { get; }

    /// <summary>The files <see cref="Run"/> writes.</summary>
    public OutputSet<PickOutcome> Outputs { get; }

    /// <summary>What the user should know before the run (files repaired after an interrupted run).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Claims the outputs (locked, checked; none may be one of the maps or the template), checks that the maps
    /// and the template exist, and reads the maps.</summary>
    /// <param name="settings">Validated match_template settings.</param>
    /// <param name="baseDirectory">Directory relative paths are resolved against.</param>
    /// <param name="options">Run-time options.</param>
    /// <exception cref="SettingsValidationException">A map or the template is missing, or an output cannot be written.</exception>
    public static PickJob Prepare(MatchTemplateSettings settings, string baseDirectory, PickOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        settings.ThrowIfInvalid();
        var outputs = OutputsOf(settings, baseDirectory, options);
        var notes = outputs.Claim(SavedSearchMaps.InputsOf(settings, baseDirectory), SavedSearchMaps.Check(settings, baseDirectory));
        try
        {
            var saved = SavedSearchMaps.Read(settings, baseDirectory);
            var picking = options.Picking with { CorrelationsPerPixel = options.Picking.CorrelationsPerPixel ?? saved.Maps.TotalCorrelations };
            return new PickJob(settings, picking, saved, outputs, notes);
        }
        catch
        {
            outputs.Dispose();
            throw;
        }
    }

    /// <summary>Picks, builds the particles and writes every output together (all or none).</summary>
    public PickOutcome Run()
    {
        var maps = Saved.Maps;
        var picking = ParticlePicker.Pick(maps.Mip, maps.ScaledMip, Picking);
        var particles = MatchTemplateParticles.Build(picking.Picks, maps, Settings, Saved.TemplateSize);
        var outcome = new PickOutcome(maps, picking, Picking, particles, Saved.TemplateSize, Outputs.Paths);
        Outputs.Publish(outcome);
        return outcome;
    }

    /// <summary>Releases the outputs' locks.</summary>
    public void Dispose() => Outputs.Dispose();

    private static OutputSet<PickOutcome> OutputsOf(MatchTemplateSettings settings, string baseDirectory, PickOptions options)
    {
        var writers = new List<IOutputWriter<PickOutcome>>();
        if (options.OutputCsvPath is { } csv)
        {
            writers.Add(PickingOutputs.Table("--output-csv", csv, baseDirectory, metricColumns: true));
        }

        if (options.CoordinatesPath is { } coordinates)
        {
            writers.Add(PickingOutputs.Coordinates("--coords", coordinates, baseDirectory));
        }

        if (options.FullSizeMapsDirectory is { } directory)
        {
            writers.AddRange(PickingOutputs.FullSizeMaps("--full-size-maps", directory, settings, baseDirectory));
        }

        writers.AddRange(options.AdditionalOutputs);
        return new OutputSet<PickOutcome>(writers, options.AllowOverwrite, "; pass --overwrite to replace it.");
    }
}
