namespace LeopardEm.Io;

/// <summary>
/// A particle table: named columns in a fixed order and one row of values per particle, the in-memory form of the
/// CSV files that Leopard-EM writes with pandas. Values are <see cref="int"/>, <see cref="long"/>,
/// <see cref="float"/> (written like numpy float32), <see cref="double"/>, <see cref="string"/> or null (empty cell).
/// </summary>
public sealed class ParticleTable
{
    private readonly List<string> _columns;
    private readonly List<object?[]> _rows = [];

    /// <summary>Creates an empty table with the given columns.</summary>
    public ParticleTable(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        if (_columns.Distinct(StringComparer.Ordinal).Count() != _columns.Count)
        {
            throw new ArgumentException("Column names must be unique.", nameof(columns));
        }
    }

    /// <summary>Column names in order.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Whether the table has a column named <paramref name="column"/> (ordinal comparison).</summary>
    public bool Contains(string column) => _columns.Contains(column);

    /// <summary>Rows; each has one value per column.</summary>
    public IReadOnlyList<object?[]> Rows => _rows;

    /// <summary>Appends a row given as column → value; columns not named get null.</summary>
    public void Add(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var unknown = values.Keys.Where(k => !_columns.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown column(s): {string.Join(", ", unknown)}.", nameof(values));
        }

        _rows.Add([.. _columns.Select(c => values.TryGetValue(c, out var v) ? v : null)]);
    }

    /// <summary>Appends a row given as one value per column, in column order.</summary>
    public void AddRow(object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _columns.Count)
        {
            throw new ArgumentException($"Expected {_columns.Count} values, one per column, got {values.Length}.", nameof(values));
        }

        _rows.Add([.. values]);
    }

    /// <summary>The value in row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public object? this[int row, string column]
    {
        get
        {
            var index = _columns.IndexOf(column);
            if (index < 0)
            {
                throw new KeyNotFoundException($"The table has no column '{column}'.");
            }

            return _rows[row][index];
        }
    }
}
