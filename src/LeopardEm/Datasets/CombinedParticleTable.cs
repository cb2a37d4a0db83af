using LeopardEm.Io;

namespace LeopardEm.Datasets;

/// <summary>
/// The particles of every micrograph of a run in one table: a leading <c>micrograph</c> column (the micrograph's folder
/// name in the run) followed by the micrographs' own columns, their rows in run order. Each micrograph's rows keep
/// their values (and their <c>micrograph_path</c>, defocus and optics), so the table can be refined as a whole.
/// </summary>
public static class CombinedParticleTable
{
    /// <summary>The column naming each row's micrograph.</summary>
    public const string MicrographColumn = "micrograph";

    /// <summary>Combines <paramref name="tables"/>; columns are the union of theirs in first-seen order (a column a
    /// table lacks is empty in its rows).</summary>
    /// <exception cref="ArgumentException">A table already has a <c>micrograph</c> column.</exception>
    public static ParticleTable Combine(IReadOnlyList<(string Micrograph, ParticleTable Table)> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var columns = new List<string> { MicrographColumn };
        foreach (var (micrograph, table) in tables)
        {
            if (table.Contains(MicrographColumn))
            {
                throw new ArgumentException($"The particle table of '{micrograph}' already has a '{MicrographColumn}' column.", nameof(tables));
            }

            columns.AddRange(table.Columns.Where(c => !columns.Contains(c)));
        }

        var combined = new ParticleTable(columns);
        foreach (var (micrograph, table) in tables)
        {
            var own = table.Columns.ToList();
            var index = columns.Skip(1).Select(c => own.IndexOf(c)).ToArray();
            foreach (var row in table.Rows)
            {
                combined.AddRow([micrograph, .. index.Select(i => i < 0 ? null : row[i])]);
            }
        }

        return combined;
    }

    /// <summary>Reads the particle table of each micrograph and writes the combined table to <paramref name="path"/>
    /// (replacing an earlier one: it is derived from the micrographs' tables).</summary>
    /// <param name="path">The combined table.</param>
    /// <param name="tables">Each micrograph's name and particle-table path, in run order.</param>
    /// <returns>The number of particles written.</returns>
    public static int Write(string path, IReadOnlyList<(string Micrograph, string TablePath)> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var combined = Combine([.. tables.Select(t => (t.Micrograph, ParticleTableCsv.Read(t.TablePath)))]);
        ParticleTableCsv.Write(path, combined, overwrite: true);
        return combined.Rows.Count;
    }
}
