namespace LeopardEm.Interop;

/// <summary>
/// Reads STAR files in the dialect RELION 3.1 reads and writes: <c>data_NAME</c> blocks holding <c>_key value</c>
/// pairs and <c>loop_</c> tables (column lines <c>_name</c>, optionally followed by RELION's <c>#N</c>), one table row
/// per line, values separated by whitespace and quoted with <c>'…'</c> or <c>"…"</c> when they contain spaces (a quote
/// closes only when followed by whitespace or the line end), <c>#</c> comments. A table ends at the next
/// <c>data_</c>, <c>loop_</c> or <c>_key</c> line or the end of the file. Multi-line <c>;</c> text fields and
/// <c>save_</c> frames, which RELION does not use, are rejected.
/// </summary>
public static class StarReader
{
    /// <summary>Reads a STAR file.</summary>
    /// <exception cref="StarFormatException">The file is malformed; the message names the file and line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static StarDocument Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses STAR text.</summary>
    /// <param name="text">The file contents (LF or CRLF line ends).</param>
    /// <param name="sourceName">Name used in messages, normally the file path.</param>
    /// <exception cref="StarFormatException">The text is malformed; the message names the source and line.</exception>
    public static StarDocument Parse(string text, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var document = new StarDocument(sourceName);
        var pendingComments = new List<string>();
        StarBlock? block = null;
        List<string>? header = null;
        var headerLine = 0;
        StarTable? table = null;

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                pendingComments.Add(line[1..]);
                continue;
            }

            if (line.StartsWith("data_", StringComparison.Ordinal))
            {
                CloseTable();
                var tokens = Tokenize(line, number, sourceName);
                if (tokens.Count != 1)
                {
                    throw new StarFormatException(sourceName, number, $"expected only the block name after data_, got '{line}'");
                }

                if (document.TryGetBlock(tokens[0][5..], out var existing))
                {
                    throw new StarFormatException(sourceName, number, $"data_{existing.Name} appears again (first on line {existing.Line})");
                }

                block = new StarBlock(tokens[0][5..], sourceName, number);
                document.AddBlock(block);
                FlushComments();
                continue;
            }

            var current = block ?? throw new StarFormatException(sourceName, number,
                $"expected a data_ block before '{Shorten(line)}'");
            FlushComments();
            if (line.StartsWith("loop_", StringComparison.Ordinal))
            {
                CloseTable();
                if (Tokenize(line, number, sourceName).Count != 1)
                {
                    throw new StarFormatException(sourceName, number, $"expected nothing after loop_, got '{line}'");
                }

                header = [];
                headerLine = number;
            }
            else if (line[0] == '_')
            {
                var tokens = Tokenize(line, number, sourceName);
                if (header is not null && table is null)
                {
                    if (tokens.Count != 1)
                    {
                        throw new StarFormatException(sourceName, number,
                            $"expected one column name per line in the loop_ header, got '{line}' (a loop_ header line holds the column name and, optionally, a #N comment)");
                    }

                    var name = ColumnName(tokens[0], number, sourceName);
                    if (header.Contains(name))
                    {
                        throw new StarFormatException(sourceName, number, $"column _{name} appears twice in the loop_ header");
                    }

                    header.Add(name);
                    continue;
                }

                CloseTable();
                if (tokens.Count != 2)
                {
                    throw new StarFormatException(sourceName, number,
                        tokens.Count == 1 ? $"_{tokens[0][1..]} has no value (expected '_name value')" : $"expected '_name value', got '{line}' (quote values that contain spaces)");
                }

                var key = ColumnName(tokens[0], number, sourceName);
                if (current.TryGetPair(key, out var earlier))
                {
                    throw new StarFormatException(sourceName, number, $"_{key} appears again in data_{current.Name} (first on line {earlier.Line})");
                }

                current.AddPair(key, tokens[1], number);
            }
            else if (IsReservedWord(line))
            {
                throw new StarFormatException(sourceName, number, $"'{Shorten(line)}' is not supported (RELION STAR files use only data_, loop_ and _name items)");
            }
            else if (header is not null)
            {
                if (header.Count == 0)
                {
                    throw new StarFormatException(sourceName, number, $"the loop_ on line {headerLine} has no column names before its first row");
                }

                table ??= NewTable(current);
                var values = Tokenize(line, number, sourceName);
                if (values.Count != table.Columns.Count)
                {
                    throw new StarFormatException(sourceName, number,
                        $"expected {table.Columns.Count} values (one per column of the loop_ on line {headerLine}), got {values.Count}");
                }

                table.AddRow(values, number);
            }
            else
            {
                throw new StarFormatException(sourceName, number,
                    $"expected data_, loop_, '_name value' or a comment, got '{Shorten(line)}'");
            }
        }

        CloseTable();
        FlushComments();
        return document;

        void FlushComments()
        {
            if (block is null)
            {
                return;
            }

            foreach (var comment in pendingComments)
            {
                block.AddComment(comment);
            }

            pendingComments.Clear();
        }

        StarTable NewTable(StarBlock owner)
        {
            var created = new StarTable(header!, sourceName, headerLine);
            owner.AddTable(created);
            return created;
        }

        // A loop_ whose header is complete but has no rows is an empty table (RELION writes those for empty sets).
        void CloseTable()
        {
            if (header is { Count: > 0 } && table is null && block is not null)
            {
                NewTable(block);
            }

            header = null;
            table = null;
        }
    }

    /// <summary>Splits one line into values: whitespace-separated words, quoted strings (quotes removed), and
    /// nothing after an unquoted <c>#</c> that starts a word.</summary>
    private static List<string> Tokenize(string line, int lineNumber, string sourceName)
    {
        var tokens = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i >= line.Length || line[i] == '#')
            {
                return tokens;
            }

            var quote = line[i];
            if (quote is '"' or '\'')
            {
                var end = i + 1;
                while (end < line.Length && !(line[end] == quote && (end + 1 == line.Length || char.IsWhiteSpace(line[end + 1]))))
                {
                    end++;
                }

                if (end >= line.Length)
                {
                    throw new StarFormatException(sourceName, lineNumber,
                        $"the value starting with {quote} at column {i + 1} is not closed (expected a closing {quote} followed by a space or the line end)");
                }

                tokens.Add(line[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < line.Length && !char.IsWhiteSpace(line[i]))
                {
                    i++;
                }

                tokens.Add(line[start..i]);
            }
        }
    }

    private static string ColumnName(string token, int line, string sourceName) =>
        token.Length > 1 && token[0] == '_'
            ? token[1..]
            : throw new StarFormatException(sourceName, line, $"'{token}' is not a name (expected _ followed by the name)");

    private static bool IsReservedWord(string line) =>
        line[0] == ';' ||
        line.StartsWith("save_", StringComparison.OrdinalIgnoreCase) ||
        line.StartsWith("global_", StringComparison.OrdinalIgnoreCase) ||
        line.StartsWith("stop_", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";
}
