using System.Globalization;
using LeopardEm.Io;
using LeopardEm.Optics;
using LeopardEm.Orientations;

namespace LeopardEm.Particles;

/// <summary>
/// A particle table read as the input of a refinement (Leopard-EM <c>ParticleStack</c>, spec §2.2–2.3): checks that
/// match_template's columns are present and reads each particle's position, orientation, defocus, pixel size and
/// optics, preferring the refined_* columns of an earlier refinement where Leopard-EM does, into typed
/// <see cref="StackParticle"/>s; a cell that cannot be used stops the read with a message naming the particle and
/// column. Rows are particles in file order (row i is particle i, whatever the <c>particle_index</c> column says).
/// </summary>
public sealed class ParticleStack
{
    private const string RefinedPrefix = "refined_";
    private readonly List<string> _notes = [];

    /// <summary>Wraps a table.</summary>
    /// <param name="table">Particle table with at least <see cref="ParticleColumns.MatchTemplate"/>.</param>
    /// <param name="sourceName">Name used in messages, normally the CSV path.</param>
    /// <exception cref="FormatException">Required columns are missing (all are listed), or a cell is empty or not a
    /// number where one is needed.</exception>
    public ParticleStack(ParticleTable table, string sourceName = "<table>")
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table;
        SourceName = sourceName;
        var missing = ParticleColumns.MatchTemplate.Where(c => !table.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException(
                $"{sourceName}: missing the following columns: {string.Join(", ", missing)} (a particle table from " +
                "match_template or refine_template has them all).");
        }

        YFamily = PositionFamily("y");
        XFamily = PositionFamily("x");
        UsesRefinedAngles = table.Contains("refined_phi") && table.Contains("refined_theta") && table.Contains("refined_psi");
        RelativeDefocusColumn = PreferRefinedIfFinite("relative_defocus");
        PixelSizeColumn = PreferRefinedIfFinite("pixel_size");
        Particles = [.. Enumerable.Range(0, table.Rows.Count).Select(ReadRow)];
    }

    /// <summary>The table.</summary>
    public ParticleTable Table { get; }

    /// <summary>Where the table came from, for messages.</summary>
    public string SourceName { get; }

    /// <summary>Number of particles.</summary>
    public int Count => Table.Rows.Count;

    /// <summary>Column prefix of the y position in use: <c>refined_pos_y</c> when the table has
    /// <c>refined_pos_y</c>, <c>refined_pos_y_img</c> and <c>refined_pos_y_img_angstrom</c>, else <c>pos_y</c>.</summary>
    public string YFamily { get; }

    /// <summary>Column prefix of the x position in use (as <see cref="YFamily"/>).</summary>
    public string XFamily { get; }

    /// <summary>Whether orientations come from <c>refined_phi/theta/psi</c> (all three present) rather than
    /// <c>phi/theta/psi</c>.</summary>
    public bool UsesRefinedAngles { get; }

    /// <summary><c>refined_relative_defocus</c> when present with only finite values, else <c>relative_defocus</c>.</summary>
    public string RelativeDefocusColumn { get; }

    /// <summary><c>refined_pixel_size</c> when present with only finite values, else <c>pixel_size</c>.</summary>
    public string PixelSizeColumn { get; }

    /// <summary>What the reader chose to do and why (e.g. falling back from a refined column with missing values).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The particles, in table order, each read and checked once.</summary>
    public IReadOnlyList<StackParticle> Particles { get; }

    /// <summary>Particle <paramref name="row"/>.</summary>
    public StackParticle this[int row] => Particles[row];

    /// <summary>Reads a CSV particle table (see <see cref="ParticleTableCsv.Parse"/>).</summary>
    public static ParticleStack Read(string path) => new(ParticleTableCsv.Read(path), path);

    private StackParticle ReadRow(int row)
    {
        var anglePrefix = UsesRefinedAngles ? RefinedPrefix : "";
        var relative = Number(row, RelativeDefocusColumn);
        return new StackParticle
        {
            Row = row,
            Y = Integer(row, YFamily),
            X = Integer(row, XFamily),
            CentreY = Integer(row, YFamily + "_img"),
            CentreX = Integer(row, XFamily + "_img"),
            CentreYAngstrom = Number(row, YFamily + "_img_angstrom"),
            CentreXAngstrom = Number(row, XFamily + "_img_angstrom"),
            Orientation = new EulerAngles(Number(row, anglePrefix + "phi"), Number(row, anglePrefix + "theta"), Number(row, anglePrefix + "psi")),
            RelativeDefocus = relative,
            PixelSize = Number(row, PixelSizeColumn),
            NominalPixelSize = Number(row, "pixel_size"),
            Ctf = new CtfParameters(
                Number(row, "defocus_u") + relative,
                Number(row, "defocus_v") + relative,
                Number(row, "astigmatism_angle"),
                Number(row, "voltage"),
                Number(row, "spherical_aberration"),
                Number(row, "amplitude_contrast_ratio"),
                Number(row, "phase_shift"),
                Number(row, "ctf_B_factor")),
            Mip = Number(row, "mip"),
            ZScore = Number(row, "scaled_mip"),
            MicrographPath = Text(row, "micrograph_path"),
            CorrelationAveragePath = Text(row, "correlation_average_path"),
            CorrelationStandardDeviationPath = Text(row, "correlation_variance_path"),
            Cells = Table.Columns.ToDictionary(c => c, c => Table[row, c], StringComparer.Ordinal),
            HasAberrations = Table[row, "even_zernikes"] is not null || Table[row, "odd_zernikes"] is not null || Table[row, "mag_matrix"] is not null,
        };
    }

    private string Text(int row, string column) => Table[row, column] switch
    {
        null => throw new FormatException($"{SourceName}: particle {row} has no {column}."),
        string s => s,
        var v => Convert.ToString(v, CultureInfo.InvariantCulture)!,
    };

    private double Number(int row, string column)
    {
        var value = Table[row, column] switch
        {
            int i => i,
            long l => l,
            double d => d,
            float f => f,
            null => throw new FormatException($"{SourceName}: particle {row} has no value in column {column}."),
            var v => throw new FormatException($"{SourceName}: particle {row}, column {column}: '{v}' is not a number."),
        };
        return double.IsFinite(value)
            ? value
            : throw new FormatException($"{SourceName}: particle {row}, column {column}: {value} is not a finite number.");
    }

    private int Integer(int row, string column)
    {
        var value = Number(row, column);
        if (value != Math.Round(value) || Math.Abs(value) > int.MaxValue)
        {
            throw new FormatException($"{SourceName}: particle {row}, column {column}: {value} is not a whole pixel position.");
        }

        return (int)value;
    }

    private string PositionFamily(string axis)
    {
        var refined = $"{RefinedPrefix}pos_{axis}";
        return Table.Contains(refined) && Table.Contains(refined + "_img") && Table.Contains(refined + "_img_angstrom")
            ? refined
            : $"pos_{axis}";
    }

    private string PreferRefinedIfFinite(string column)
    {
        var refined = RefinedPrefix + column;
        if (!Table.Contains(refined))
        {
            return column;
        }

        for (var row = 0; row < Count; row++)
        {
            if (Table[row, refined] is not (int or long) && !(Table[row, refined] is double d && double.IsFinite(d)))
            {
                _notes.Add($"{refined} has a missing or non-finite value (particle {row}); using {column} for every particle.");
                return column;
            }
        }

        return refined;
    }
}
