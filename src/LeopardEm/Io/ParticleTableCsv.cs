using System.Globalization;
using System.Text;

namespace LeopardEm.Io;

/// <summary>
/// Reads and writes <see cref="ParticleTable"/> as CSV in pandas' <c>to_csv(index=True)</c> layout, the layout of the
/// tables Leopard-EM's scripts write: an unnamed leading index column (0, 1, 2, ...), then the table's columns, Python
/// number formatting, empty cells for missing values (null and NaN), RFC 4180 quoting where needed. Written atomically.
/// </summary>
public static class ParticleTableCsv
{
    // pandas' default missing-value markers (besides the empty cell and the NaN spellings, which stay numbers).
    private static readonly HashSet<string> MissingMarkers = new(StringComparer.Ordinal)
    {
        "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "None", "n/a", "null",
    };

    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> through a temporary file.</summary>
    /// <param name="path">Destination file.</param>
    /// <param name="table">The table.</param>
    /// <param name="overwrite">Replace an existing file; when false an existing file is an error and is left untouched.</param>
    public static void Write(string path, ParticleTable table, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(table);
        AtomicFileWriter.Write(path, overwrite, stream => WriteTo(stream, table));
    }

    /// <summary>Writes the CSV text of <paramref name="table"/> to <paramref name="stream"/> as UTF-8 without a byte
    /// order mark; the stream is not closed.</summary>
    public static void WriteTo(Stream stream, ParticleTable table)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Format(table)));
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

    /// <summary>Reads a particle table; see <see cref="Parse"/>.</summary>
    /// <param name="path">CSV file.</param>
    /// <exception cref="FormatException">The file is not a well-formed table (message names the file and line).</exception>
    public static ParticleTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(InputFile.ReadText(path, "the particle table"), path);
    }

    /// <summary>
    /// Parses CSV text written by pandas (Leopard-EM, with or without the leading unnamed index column) or by
    /// <see cref="Write"/>. A first column with an empty header is the pandas index and is dropped; rows keep file order.
    /// Cells become <see cref="int"/> (or <see cref="long"/>) for integers, <see cref="double"/> for other numbers
    /// (including <c>nan</c>, <c>inf</c>, <c>-inf</c>), <see cref="bool"/> for True/False, null for empty cells and
    /// pandas' missing-value markers, and <see cref="string"/> otherwise. A column holding both integers and other
    /// numbers becomes all <see cref="double"/>, as pandas would type it.
    /// </summary>
    /// <param name="text">The CSV text (comma separated, RFC 4180 quoting, LF or CRLF line ends).</param>
    /// <param name="sourceName">Name used in messages, normally the file path.</param>
    /// <exception cref="FormatException">Unbalanced quotes, duplicate column names or rows with the wrong number of
    /// fields.</exception>
    public static ParticleTable Parse(string text, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = Tokenize(text, sourceName);
        if (records.Count == 0)
        {
            throw new FormatException($"{sourceName}: the file is empty; expected a header line with column names.");
        }

        var header = records[0].Fields;
        var skip = header[0].Length == 0 ? 1 : 0;
        var columns = header.Skip(skip).ToList();
        var duplicate = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"{sourceName} line {records[0].Line}: column '{duplicate.Key}' appears more than once.");
        }

        var cells = new List<object?[]>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != header.Count)
            {
                throw new FormatException(
                    $"{sourceName} line {line}: expected {header.Count} fields as in the header, found {fields.Count}.");
            }

            cells.Add([.. fields.Skip(skip).Select(ParseCell)]);
        }

        for (var c = 0; c < columns.Count; c++)
        {
            UnifyNumbers(cells, c);
        }

        var table = new ParticleTable(columns);
        foreach (var row in cells)
        {
            table.Add(columns.Select((name, i) => (name, row[i])).ToDictionary(e => e.name, e => e.Item2, StringComparer.Ordinal));
        }

        return table;
    }

    private static object? ParseCell(string cell)
    {
        if (cell.Length == 0 || MissingMarkers.Contains(cell))
        {
            return null;
        }

        if (cell is "True" or "TRUE" or "true")
        {
            return true;
        }

        if (cell is "False" or "FALSE" or "false")
        {
            return false;
        }

        if (IsInteger(cell) && long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer is >= int.MinValue and <= int.MaxValue ? (int)integer : (object)integer;
        }

        switch (cell.ToLowerInvariant())
        {
            case "nan" or "-nan" or "+nan":
                return double.NaN;
            case "inf" or "+inf" or "infinity" or "+infinity":
                return double.PositiveInfinity;
            case "-inf" or "-infinity":
                return double.NegativeInfinity;
        }

        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : cell;
    }

    private static bool IsInteger(string cell)
    {
        var start = cell[0] is '+' or '-' ? 1 : 0;
        if (start == cell.Length)
        {
            return false;
        }

        for (var i = start; i < cell.Length; i++)
        {
            if (!char.IsAsciiDigit(cell[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void UnifyNumbers(List<object?[]> rows, int column)
    {
        var values = rows.Select(r => r[column]).Where(v => v is not null).ToList();
        if (values.Count == 0 || !values.All(v => v is int or long or double))
        {
            return;
        }

        var target = values.Any(v => v is double) ? typeof(double) : values.Any(v => v is long) ? typeof(long) : typeof(int);
        foreach (var row in rows)
        {
            row[column] = row[column] switch
            {
                null => null,
                var v when target == typeof(double) => Convert.ToDouble(v, CultureInfo.InvariantCulture),
                var v when target == typeof(long) => Convert.ToInt64(v, CultureInfo.InvariantCulture),
                var v => v,
            };
        }
    }

    // RFC 4180 records with the line each starts on; blank lines are skipped, as pandas does.
    private static List<(int Line, List<string> Fields)> Tokenize(string text, string sourceName)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldStart = true;
        var i = 0;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldStart = true;
        }

        void EndRecord()
        {
            EndField();
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                records.Add((recordLine, fields));
            }

            fields = [];
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when fieldStart:
                    quoted = true;
                    fieldStart = false;
                    break;
                case ',':
                    EndField();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStart = false;
                    break;
            }

            i++;
        }

        if (quoted)
        {
            throw new FormatException($"{sourceName} line {recordLine}: a quoted field is not closed.");
        }

        if (!fieldStart || fields.Count > 0)
        {
            EndRecord();
        }

        return records;
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
