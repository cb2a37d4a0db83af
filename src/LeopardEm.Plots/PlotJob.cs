using System.Globalization;
using LeopardEm.Io;
using LeopardEm.Outputs;
using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Programs;
using LeopardEm.Settings;

namespace LeopardEm.Plots;

/// <summary>
/// Draws the picking figures and page (<see cref="PickingReport"/>) for the maps a match_template run saved, without
/// searching: the particles of a given table (its <c>pos_x</c>, <c>pos_y</c> in the maps), or a new pick with the given
/// options when there is none. A table with <c>refined_scaled_mip</c> (refine_template's) adds figure (d), its
/// <c>scaled_mip</c> against <c>refined_scaled_mip</c> per particle.
/// </summary>
public sealed class PlotJob : IDisposable
{
    /// <summary>The column of refine_template's table that gives figure (d).</summary>
    public const string RefinedZScoreColumn = "refined_scaled_mip";

    private PlotJob(MatchTemplateSettings settings, PlotOptions options, ParticleTable? table, SavedSearchMaps saved, OutputSet<PlotOutcome> outputs, IReadOnlyList<string> notes)
    {
        Settings = settings;
        Options = options;
        Table = table;
        Saved = saved;
        Outputs = outputs;
        Notes = notes;
    }

    /// <summary>The configuration whose maps are drawn.</summary>
    public MatchTemplateSettings Settings { get; }

    /// <summary>Run-time options.</summary>
    public PlotOptions Options { get; }

    /// <summary>The particle table given, or null.</summary>
    public ParticleTable? Table { get; }

    /// <summary>The maps read back.</summary>
    public SavedSearchMaps Saved { get; }

    /// <summary>The files <see cref="Run"/> writes.</summary>
    public OutputSet<PlotOutcome> Outputs { get; }

    /// <summary>What the user should know before the run (files repaired after an interrupted run).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Reads the table (when given), claims the outputs, checks that the maps and the template exist and reads
    /// the maps.</summary>
    /// <param name="settings">Validated match_template settings.</param>
    /// <param name="baseDirectory">Directory relative paths are resolved against.</param>
    /// <param name="options">Run-time options.</param>
    /// <exception cref="SettingsValidationException">A map, the template or the table is missing, or an output cannot
    /// be written.</exception>
    /// <exception cref="FormatException">The table lacks a column it needs or has a cell that is not a number.</exception>
    public static PlotJob Prepare(MatchTemplateSettings settings, string baseDirectory, PlotOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        settings.ThrowIfInvalid();
        var inputs = SavedSearchMaps.InputsOf(settings, baseDirectory).ToList();
        var problems = SavedSearchMaps.Check(settings, baseDirectory).ToList();
        ParticleTable? table = null;
        if (options.CsvPath is { } csv)
        {
            var path = MatchTemplatePaths.Resolve(csv, baseDirectory);
            inputs.Add(("--csv", path));
            if (File.Exists(path))
            {
                table = ParticleTableCsv.Read(path);
                RequireColumns(table, path, "pos_x", "pos_y");
            }
            else
            {
                problems.Add(new SettingsProblem("--csv", $"--csv: the particle table '{csv}' does not exist."));
            }
        }

        var refinement = table?.Contains(RefinedZScoreColumn) == true;
        if (refinement)
        {
            RequireColumns(table!, options.CsvPath!, "scaled_mip");
        }

        var outputs = new OutputSet<PlotOutcome>(
            PickingReportOutputs.For<PlotOutcome>("--out", options.Directory, baseDirectory, refinement, o => o.Report),
            options.AllowOverwrite, "; pass --overwrite to replace it.");
        var notes = outputs.Claim(inputs, problems);
        try
        {
            return new PlotJob(settings, options, table, SavedSearchMaps.Read(settings, baseDirectory), outputs, notes);
        }
        catch
        {
            outputs.Dispose();
            throw;
        }
    }

    /// <summary>Picks (or takes the table's particles), renders the figures and the page and writes them together.</summary>
    public PlotOutcome Run()
    {
        var maps = Saved.Maps;
        var picking = PickingOf(Options.Picking, Table) with { CorrelationsPerPixel = maps.TotalCorrelations };
        var result = ParticlePicker.Pick(maps.Mip, maps.ScaledMip, picking);
        (IReadOnlyList<double>, IReadOnlyList<double>)? refinement = null;
        if (Table is { } table)
        {
            result = result.WithPicks([.. Enumerable.Range(0, table.Rows.Count).Select(row => PickAt(table, row, result))]);
            if (table.Contains(RefinedZScoreColumn) && table.Rows.Count > 0)
            {
                refinement = (Column(table, "scaled_mip"), Column(table, RefinedZScoreColumn));
            }
        }

        var report = new PickingReportInput(maps.Mip, maps.ScaledMip, result, picking, Saved.TemplateSize, refinement);
        var outcome = new PlotOutcome(report, Outputs.Paths);
        Outputs.Publish(outcome);
        return outcome;
    }

    /// <summary>Releases the outputs' locks.</summary>
    public void Dispose() => Outputs.Dispose();

    // The options given, else the metric and cutoff a picked table records, else Leopard-EM's defaults.
    private static PickingOptions PickingOf(PickingOptions? given, ParticleTable? table)
    {
        if (given is not null)
        {
            return given;
        }

        if (table is null || PickedParticleColumns.MetricOf(table.Columns) is not { } metric)
        {
            return new PickingOptions();
        }

        double? cutoff = table.Rows.Count > 0 && table.Contains(PickedParticleColumns.CutoffColumn)
            ? Number(table, 0, PickedParticleColumns.CutoffColumn, "--csv")
            : null;
        return metric switch
        {
            PickingMetric.ZScore => new PickingOptions { Metric = metric, ZScoreCutoff = cutoff },
            PickingMetric.PValue => new PickingOptions { Metric = metric, PValueCutoff = cutoff ?? PValueScores.DefaultCutoff },
            _ => new PickingOptions { Metric = metric },
        };
    }

    private MetricPick PickAt(ParticleTable table, int row, PickingResult result)
    {
        var (x, y) = (Whole(table, row, "pos_x"), Whole(table, row, "pos_y"));
        var maps = Saved.Maps;
        if (x < 0 || y < 0 || x >= maps.Width || y >= maps.Height)
        {
            throw new FormatException(
                $"{Options.CsvPath}: particle {row} at pos_x = {x}, pos_y = {y} lies outside the {maps.Width} x {maps.Height} px maps; " +
                "is this table from another micrograph?");
        }

        return new MetricPick(y, x, result.ScoreMap[y, x], maps.ScaledMip[y, x], maps.Mip[y, x]);
    }

    private static void RequireColumns(ParticleTable table, string source, params string[] columns)
    {
        var missing = columns.Where(c => !table.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"{source}: the particle table has no column {string.Join(", ", missing)}.");
        }
    }

    private double[] Column(ParticleTable table, string column) =>
        [.. Enumerable.Range(0, table.Rows.Count).Select(row => Number(table, row, column, Options.CsvPath))];

    private static double Number(ParticleTable table, int row, string column, string? source)
    {
        var value = table[row, column] switch
        {
            int i => i,
            long l => l,
            double d => d,
            var v => throw new FormatException($"{source}: particle {row}, column {column}: '{Convert.ToString(v, CultureInfo.InvariantCulture)}' is not a number."),
        };
        return double.IsFinite(value) ? value : throw new FormatException($"{source}: particle {row}, column {column}: {value} is not a finite number.");
    }

    private int Whole(ParticleTable table, int row, string column)
    {
        var value = Number(table, row, column, Options.CsvPath);
        return value == Math.Round(value) && Math.Abs(value) <= int.MaxValue
            ? (int)value
            : throw new FormatException($"{Options.CsvPath}: particle {row}, column {column}: {value} is not a whole pixel position.");
    }
}
