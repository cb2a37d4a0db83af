using System.Globalization;

namespace LeopardEm.Interop;

/// <summary>
/// One <c>loop_</c> table of a STAR file: named columns (without the leading underscore, e.g.
/// <c>rlnCoordinateX</c>) and rows of text values, one row per line as RELION reads and writes them. Values stay
/// text; the typed getters parse them and report the row's source line when a value is not what the column needs.
/// </summary>
public sealed class StarTable
{
    private readonly List<string> _columns;
    private readonly Dictionary<string, int> _indexOf;
    private readonly List<string[]> _rows = [];
    private readonly List<int> _lines = [];

    /// <summary>Creates an empty table.</summary>
    /// <param name="columns">Column names without the leading underscore: unique, non-empty, no whitespace.</param>
    /// <param name="sourceName">Name used in messages, normally the STAR file's path.</param>
    /// <param name="headerLine">1-based line of the <c>loop_</c> keyword in the source; 0 for a table built in
    /// memory.</param>
    /// <exception cref="ArgumentException">A column name is empty, has whitespace or repeats.</exception>
    public StarTable(IEnumerable<string> columns, string sourceName = "<table>", int headerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(sourceName);
        _columns = [.. columns];
        _indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _columns.Count; i++)
        {
            var name = _columns[i];
            if (string.IsNullOrEmpty(name) || name.Any(char.IsWhiteSpace) || name.StartsWith('_'))
            {
                throw new ArgumentException($"'{name}' is not a column name (non-empty, no whitespace, no leading underscore).", nameof(columns));
            }

            if (!_indexOf.TryAdd(name, i))
            {
                throw new ArgumentException($"Column '{name}' appears twice.", nameof(columns));
            }
        }

        SourceName = sourceName;
        HeaderLine = headerLine;
    }

    /// <summary>Column names in order, without the leading underscore.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Number of rows.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Name used in messages, normally the STAR file's path.</summary>
    public string SourceName { get; }

    /// <summary>1-based line of the <c>loop_</c> keyword in the source; 0 for a table built in memory.</summary>
    public int HeaderLine { get; }

    /// <summary>Whether the table has the column (ordinal comparison, no leading underscore).</summary>
    public bool Contains(string column) => _indexOf.ContainsKey(column);

    /// <summary>Index of the column, or −1.</summary>
    public int IndexOf(string column) => _indexOf.TryGetValue(column, out var index) ? index : -1;

    /// <summary>Appends a row.</summary>
    /// <param name="values">One value per column, in column order.</param>
    /// <param name="line">1-based source line of the row; 0 for a row built in memory.</param>
    /// <exception cref="ArgumentException">The number of values differs from the number of columns.</exception>
    public void AddRow(IReadOnlyList<string> values, int line = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != _columns.Count)
        {
            throw new ArgumentException($"Expected {_columns.Count} values, got {values.Count}.", nameof(values));
        }

        _rows.Add([.. values.Select(v => v ?? throw new ArgumentException("A STAR value cannot be null.", nameof(values)))]);
        _lines.Add(line);
    }

    /// <summary>The values of row <paramref name="row"/> in column order.</summary>
    public IReadOnlyList<string> Row(int row) => _rows[row];

    /// <summary>1-based source line of row <paramref name="row"/>; 0 for a row built in memory.</summary>
    public int LineOf(int row) => _lines[row];

    /// <summary>The text value in row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    /// <exception cref="StarFormatException">The table has no such column.</exception>
    public string this[int row, string column] => _rows[row][ColumnIndex(column)];

    /// <summary>Checks that every listed column is present.</summary>
    /// <param name="what">What the table is for, used in the message (e.g. "a RELION particle table").</param>
    /// <param name="columns">Required column names.</param>
    /// <exception cref="StarFormatException">Columns are missing; all of them are listed, with the loop's
    /// line.</exception>
    public void RequireColumns(string what, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var missing = columns.Where(c => !Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new StarFormatException(SourceName, HeaderLine,
                $"{what} needs the column(s) {string.Join(", ", missing.Select(c => "_" + c))}; the loop has {string.Join(", ", _columns.Select(c => "_" + c))}");
        }
    }

    /// <summary>The value as a finite number (invariant culture, exponents allowed).</summary>
    /// <exception cref="StarFormatException">The column is missing or the value is not a finite number; the message
    /// names the row's line.</exception>
    public double Number(int row, string column)
    {
        var text = this[row, column];
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new StarFormatException(SourceName, LineOf(row), $"expected a number for _{column}, got '{text}'");
    }

    /// <summary>The value as an integer.</summary>
    /// <exception cref="StarFormatException">The column is missing or the value is not an integer; the message names
    /// the row's line.</exception>
    public int Integer(int row, string column)
    {
        var text = this[row, column];
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new StarFormatException(SourceName, LineOf(row), $"expected an integer for _{column}, got '{text}'");
    }

    private int ColumnIndex(string column) =>
        _indexOf.TryGetValue(column, out var index)
            ? index
            : throw new StarFormatException(SourceName, HeaderLine, $"the loop has no column _{column}");
}
