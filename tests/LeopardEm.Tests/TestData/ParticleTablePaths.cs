using LeopardEm.Io;

namespace LeopardEm.Tests.TestData;

/// <summary>Copies of particle tables whose file paths are absolute, so a command reading them does not depend on the
/// test's working directory.</summary>
internal static class ParticleTablePaths
{
    /// <summary>Writes <paramref name="output"/> in <paramref name="directory"/>: the table <paramref name="table"/> there
    /// with every <c>*_path</c> cell made absolute against <paramref name="directory"/>; returns its path.</summary>
    public static string WriteAbsolute(string directory, string table, string output)
    {
        var source = ParticleTableCsv.Read(Path.Combine(directory, table));
        var absolute = new ParticleTable(source.Columns);
        for (var i = 0; i < source.Rows.Count; i++)
        {
            var row = source.Columns.ToDictionary(c => c, c => source[i, c]);
            foreach (var column in source.Columns.Where(c => c.EndsWith("_path", StringComparison.Ordinal)))
            {
                row[column] = Path.Combine(directory, (string)row[column]!);
            }

            absolute.Add(row);
        }

        var path = Path.Combine(directory, output);
        ParticleTableCsv.Write(path, absolute, overwrite: true);
        return path;
    }
}
