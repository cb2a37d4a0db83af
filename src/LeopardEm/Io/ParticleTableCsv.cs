using System.Globalization;
using System.Text;

namespace LeopardEm.Io;

/// <summary>
/// Writes <see cref="ParticleTable"/> as CSV in pandas' <c>to_csv(index=True)</c> layout, the layout of the tables
/// Leopard-EM's scripts write: an unnamed leading index column (0, 1, 2, ...), then the table's columns, Python number
/// formatting, empty cells for missing values (null and NaN), RFC 4180 quoting where needed. Written atomically.
/// </summary>
public static class ParticleTableCsv
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> through a temporary file.</summary>
    /// <param name="path">Destination file.</param>
    /// <param name="table">The table.</param>
    /// <param name="overwrite">Replace an existing file; when false an existing file is an error and is left untouched.</param>
    public static void Write(string path, ParticleTable table, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = Format(table);
        AtomicFileWriter.Write(path, overwrite, stream =>
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
            stream.Write(bytes);
        });
    }

    /// <summary>The CSV text of <paramref name="table"/>.</summary>
    public static string Format(ParticleTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var builder = new StringBuilder();
        builder.Append(',').AppendJoin(',', table.Columns.Select(Quote)).Append('\n');
        for (var r = 0; r < table.Rows.Count; r++)
        {
            builder.Append(r.ToString(CultureInfo.InvariantCulture));
            foreach (var value in table.Rows[r])
            {
                builder.Append(',').Append(FormatValue(value));
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static string FormatValue(object? value) => value switch
    {
        // pandas writes missing values, NaN included, as its na_rep "".
        null or float.NaN or double.NaN => "",
        float f => PythonNumberFormat.Format(f),
        double d => PythonNumberFormat.Format(d),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        bool b => b ? "True" : "False",
        string s => Quote(s),
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
