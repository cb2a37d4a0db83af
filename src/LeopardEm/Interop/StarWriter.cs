using System.Globalization;
using System.Text;
using LeopardEm.Io;

namespace LeopardEm.Interop;

/// <summary>
/// Writes <see cref="StarDocument"/> in the layout RELION 3.1 writes: each block's comments, <c>data_NAME</c>, its
/// pairs, then each table as <c>loop_</c>, one <c>_name #N</c> line per column and one row per line with
/// right-aligned columns. Values that are empty, contain whitespace or could be read as syntax are double-quoted
/// (single-quoted when they contain a double quote). Files are written atomically.
/// </summary>
public static class StarWriter
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="path"/> through a temporary file.</summary>
    /// <param name="path">Destination; its directory must exist.</param>
    /// <param name="document">The document.</param>
    /// <param name="overwrite">Replace an existing file; when false an existing file is an error and is left
    /// untouched.</param>
    /// <exception cref="ArgumentException">A value cannot be written (see <see cref="Quote"/>).</exception>
    /// <exception cref="IOException">The target exists and may not be overwritten, or the write failed.</exception>
    public static void Write(string path, StarDocument document, bool overwrite)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Format(document));
        AtomicFileWriter.Write(path, overwrite, stream => stream.Write(bytes));
    }

    /// <summary>The text of <paramref name="document"/>.</summary>
    /// <exception cref="ArgumentException">A value cannot be written (see <see cref="Quote"/>).</exception>
    public static string Format(StarDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            builder.Append('\n');
            foreach (var comment in block.Comments)
            {
                builder.Append('#').Append(comment).Append('\n');
            }

            builder.Append("\ndata_").Append(block.Name).Append("\n\n");
            if (block.Pairs.Count > 0)
            {
                var keyWidth = block.Pairs.Max(p => p.Key.Length) + 1;
                foreach (var pair in block.Pairs)
                {
                    builder.Append(('_' + pair.Key).PadRight(keyWidth)).Append(' ').Append(Quote(pair.Value)).Append('\n');
                }

                builder.Append('\n');
            }

            foreach (var table in block.Tables)
            {
                AppendTable(builder, table);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A value as it must appear in a STAR file: unchanged when it is a plain word; in double quotes when it is empty,
    /// contains whitespace or starts with a character or keyword the reader would take as syntax (<c>_ # ' " ; $ [
    /// ]</c>, <c>data_</c>, <c>loop_</c>, <c>save_</c>, <c>global_</c>, <c>stop_</c>); in single quotes when it also
    /// contains a double quote.
    /// </summary>
    /// <exception cref="ArgumentException">The value has a line break, or needs quotes and contains both quote
    /// characters (RELION cannot read such a value).</exception>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\n') || value.Contains('\r'))
        {
            throw new ArgumentException($"A STAR value cannot contain a line break: '{value}'.", nameof(value));
        }

        if (!NeedsQuotes(value))
        {
            return value;
        }

        if (!value.Contains('"'))
        {
            return '"' + value + '"';
        }

        return value.Contains('\'')
            ? throw new ArgumentException($"A STAR value that needs quotes cannot contain both ' and \": '{value}'.", nameof(value))
            : '\'' + value + '\'';
    }

    /// <summary>A number as written to STAR files: invariant culture, the shortest text that reads back to the same
    /// double.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer as written to STAR files.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AppendTable(StringBuilder builder, StarTable table)
    {
        builder.Append("loop_\n");
        for (var c = 0; c < table.Columns.Count; c++)
        {
            builder.Append('_').Append(table.Columns[c]).Append(" #").Append(c + 1).Append('\n');
        }

        var cells = new string[table.RowCount][];
        var widths = new int[table.Columns.Count];
        for (var r = 0; r < table.RowCount; r++)
        {
            cells[r] = [.. table.Row(r).Select(Quote)];
            for (var c = 0; c < widths.Length; c++)
            {
                widths[c] = Math.Max(widths[c], cells[r][c].Length);
            }
        }

        foreach (var row in cells)
        {
            for (var c = 0; c < row.Length; c++)
            {
                builder.Append(c == 0 ? "" : " ").Append(row[c].PadLeft(widths[c]));
            }

            builder.Append('\n');
        }

        builder.Append('\n');
    }

    private static bool NeedsQuotes(string value) =>
        value.Length == 0 ||
        value.Any(char.IsWhiteSpace) ||
        value[0] is '_' or '#' or '\'' or '"' or ';' or '$' or '[' or ']' ||
        value.StartsWith("data_", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("loop_", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("save_", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("global_", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("stop_", StringComparison.OrdinalIgnoreCase);
}
