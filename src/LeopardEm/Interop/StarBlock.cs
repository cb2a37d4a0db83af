namespace LeopardEm.Interop;

/// <summary>
/// One <c>data_NAME</c> block of a STAR file: key-value pairs, <c>loop_</c> tables and the comment lines that belong
/// to it (those before its <c>data_</c> line and inside it, in order; RELION writes <c># version 30001</c> there).
/// </summary>
public sealed class StarBlock
{
    private readonly List<StarPair> _pairs = [];
    private readonly List<StarTable> _tables = [];
    private readonly List<string> _comments = [];

    /// <summary>Creates an empty block.</summary>
    /// <param name="name">The name after <c>data_</c> (may be empty, as in RELION's coordinate files); no
    /// whitespace.</param>
    /// <param name="sourceName">Name used in messages, normally the STAR file's path.</param>
    /// <param name="line">1-based line of the <c>data_</c> keyword; 0 for a block built in memory.</param>
    public StarBlock(string name, string sourceName = "<block>", int line = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"A block name has no whitespace: '{name}'.", nameof(name));
        }

        Name = name;
        SourceName = sourceName;
        Line = line;
    }

    /// <summary>The name after <c>data_</c>.</summary>
    public string Name { get; }

    /// <summary>Name used in messages, normally the STAR file's path.</summary>
    public string SourceName { get; }

    /// <summary>1-based line of the <c>data_</c> keyword; 0 for a block built in memory.</summary>
    public int Line { get; }

    /// <summary>Key-value pairs in file order.</summary>
    public IReadOnlyList<StarPair> Pairs => _pairs;

    /// <summary><c>loop_</c> tables in file order.</summary>
    public IReadOnlyList<StarTable> Tables => _tables;

    /// <summary>Comment lines, the text after <c>#</c> (leading space kept), in file order.</summary>
    public IReadOnlyList<string> Comments => _comments;

    /// <summary>Adds a key-value pair.</summary>
    /// <exception cref="ArgumentException">The key is empty, has whitespace, starts with an underscore or is already
    /// in the block.</exception>
    public void AddPair(string key, string value, int line = 0)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key.Length == 0 || key.Any(char.IsWhiteSpace) || key.StartsWith('_'))
        {
            throw new ArgumentException($"'{key}' is not a key (non-empty, no whitespace, no leading underscore).", nameof(key));
        }

        if (_pairs.Any(p => p.Key == key))
        {
            throw new ArgumentException($"Key '{key}' appears twice in data_{Name}.", nameof(key));
        }

        _pairs.Add(new StarPair(key, value, line));
    }

    /// <summary>The pair named <paramref name="key"/> (no leading underscore), if present.</summary>
    public bool TryGetPair(string key, out StarPair pair)
    {
        var index = _pairs.FindIndex(p => p.Key == key);
        pair = index >= 0 ? _pairs[index] : default;
        return index >= 0;
    }

    /// <summary>Adds a table.</summary>
    public void AddTable(StarTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tables.Add(table);
    }

    /// <summary>Adds a comment line (the text after <c>#</c>; no line breaks).</summary>
    public void AddComment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\n') || text.Contains('\r'))
        {
            throw new ArgumentException("A comment is one line.", nameof(text));
        }

        _comments.Add(text);
    }

    /// <summary>The block's only table, as RELION's blocks have.</summary>
    /// <exception cref="StarFormatException">The block has no <c>loop_</c> or more than one.</exception>
    public StarTable Table() => _tables.Count == 1
        ? _tables[0]
        : throw new StarFormatException(SourceName, Line,
            _tables.Count == 0 ? $"data_{Name} has no loop_ table" : $"data_{Name} has {_tables.Count} loop_ tables, expected one");
}
