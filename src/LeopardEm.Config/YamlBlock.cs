using LeopardEm.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LeopardEm.Config;

/// <summary>
/// Typed, position-aware access to one YAML mapping (a settings block). Every read names the key, so after reading
/// all fields the block knows which keys were unexpected. Problems are recorded in the <see cref="ParseContext"/>
/// and a placeholder is returned, so parsing continues and reports every error at once.
/// </summary>
internal sealed class YamlBlock
{
    private readonly ParseContext _context;
    private readonly List<(string Key, YamlNode KeyNode, YamlNode Value)> _entries = [];
    private readonly HashSet<string> _requested = new(StringComparer.Ordinal);

    // A block whose YAML was not a mapping: its missing keys are not worth reporting on top of that error.
    private readonly bool _broken;

    private YamlBlock(ParseContext context, string path, SourceLocation start, bool broken)
    {
        _context = context;
        Path = path;
        Start = start;
        _broken = broken;
    }

    /// <summary>Dotted key path of the block; empty for the root.</summary>
    public string Path { get; }

    /// <summary>Where the block's mapping starts (or its key, if it was written as null).</summary>
    public SourceLocation Start { get; }

    /// <summary>Whether the YAML actually wrote <paramref name="key"/>.</summary>
    public bool Has(string key) => _entries.Any(e => e.Key == key);

    /// <summary>
    /// Wraps <paramref name="node"/>: a mapping as is; YAML null or an absent block as an empty mapping (so all
    /// defaults apply); anything else is an error.
    /// </summary>
    public static YamlBlock Open(ParseContext context, YamlNode? node, string path, SourceLocation where)
    {
        if (YamlScalars.IsNull(node))
        {
            return new YamlBlock(context, path, where, broken: false);
        }

        if (node is not YamlMappingNode mapping)
        {
            context.Error(path, YamlScalars.LocationOf(node!),
                $"{Describe(path)} at {YamlScalars.LocationOf(node!)}: expected a mapping of keys to values, got " +
                YamlScalars.Describe(node));
            return new YamlBlock(context, path, where, broken: true);
        }

        var block = new YamlBlock(context, path, YamlScalars.LocationOf(mapping), broken: false);
        var merged = new List<YamlMappingNode>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                context.Error(path, YamlScalars.LocationOf(keyNode),
                    $"{Describe(path)} at {YamlScalars.LocationOf(keyNode)}: keys must be plain names, got " +
                    YamlScalars.Describe(keyNode));
                continue;
            }

            if (key == MergeKey && keyNode is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } &&
                MergeSources(value) is { } sources)
            {
                merged.AddRange(sources);
                continue;
            }

            block._entries.Add((key, keyNode, value));
        }

        // PyYAML honours YAML merge keys ("<<: *defaults"); keys written explicitly win, then earlier sources.
        foreach (var source in merged)
        {
            foreach (var (keyNode, value) in source.Children)
            {
                if (keyNode is YamlScalarNode { Value: { } key } && !block.Has(key))
                {
                    block._entries.Add((key, keyNode, value));
                }
            }
        }

        return block;
    }

    private const string MergeKey = "<<";

    private static IEnumerable<YamlMappingNode>? MergeSources(YamlNode value) => value switch
    {
        YamlMappingNode m => [m],
        YamlSequenceNode s when s.Children.All(c => c is YamlMappingNode) => s.Children.Cast<YamlMappingNode>(),
        _ => null,
    };

    /// <summary>Dotted path of <paramref name="key"/> in this block.</summary>
    public string KeyPath(string key) => ParseContext.Join(Path, key);

    /// <summary>The raw value node of <paramref name="key"/>, or null when absent; marks the key as known and
    /// records its location.</summary>
    public YamlNode? Raw(string key)
    {
        _requested.Add(key);
        foreach (var (k, keyNode, value) in _entries)
        {
            if (k == key)
            {
                _context.Record(KeyPath(key), YamlScalars.LocationOf(keyNode));
                return value;
            }
        }

        return null;
    }

    /// <summary>A nested block; absent or null means all defaults. When <paramref name="required"/> and absent,
    /// an error is recorded.</summary>
    public YamlBlock Block(string key, bool required = false)
    {
        var node = Raw(key);
        if (node is null && required)
        {
            Missing(key);
            return new YamlBlock(_context, KeyPath(key), Start, broken: true);
        }

        return Open(_context, node, KeyPath(key), _context.Locations.GetValueOrDefault(KeyPath(key), Start));
    }

    public double Double(string key, double fallback) => Scalar<double>(key, fallback, false, false, ParseDouble)!.Value;

    public double RequiredDouble(string key) => Scalar<double>(key, 0, true, false, ParseDouble)!.Value;

    public double? NullableDouble(string key, double? fallback) => Scalar<double>(key, fallback, false, true, ParseDouble);

    public bool Bool(string key, bool fallback) => Scalar<bool>(key, fallback, false, false, ParseBool)!.Value;

    public bool? NullableBool(string key, bool? fallback) => Scalar<bool>(key, fallback, false, true, ParseBool);

    public int Int(string key, int fallback) => Scalar<int>(key, fallback, false, false, ParseInt)!.Value;

    public int? NullableInt(string key, int? fallback) => Scalar<int>(key, fallback, false, true, ParseInt);

    public long Long(string key, long fallback) => Scalar<long>(key, fallback, false, false, ParseLong)!.Value;

    public string RequiredString(string key) => Text(key, "", required: true, nullable: false)!;

    public string? NullableString(string key, string? fallback) => Text(key, fallback, required: false, nullable: true);

    /// <summary>A string restricted to <paramref name="names"/> (case-sensitive, like a pydantic Literal).</summary>
    public TEnum Choice<TEnum>(string key, TEnum fallback, IReadOnlyDictionary<string, TEnum> names)
    {
        var node = Raw(key);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalarNode s && !YamlScalars.IsNull(s) && names.TryGetValue(s.Value ?? "", out var value))
        {
            return value;
        }

        TypeError(key, node, "one of: " + string.Join(", ", names.Keys));
        return fallback;
    }

    /// <summary>A list of numbers, or null.</summary>
    public ValueList<double>? NullableDoubleList(string key, ValueList<double>? fallback)
    {
        if (!NullableContainer<YamlSequenceNode>(key, "a list of numbers", out var sequence))
        {
            return fallback;
        }

        if (sequence is null)
        {
            return null;
        }

        var values = new List<double>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            values.Add(Number(item, item, $"{KeyPath(key)}[{i}]"));
        }

        return new ValueList<double>(values);
    }

    /// <summary>A required <c>[height, width]</c> pair of integers (a pydantic <c>tuple[int, int]</c>).</summary>
    public ImageShape RequiredShape(string key)
    {
        var node = Raw(key);
        if (node is null)
        {
            Missing(key);
            return default;
        }

        var values = new int[2];
        if (node is YamlSequenceNode { Children.Count: 2 } pair
            && Enumerable.Range(0, 2).All(i => pair.Children[i] is YamlScalarNode s && !YamlScalars.IsNull(s)
                                               && ParseInt(s.Value ?? "", out values[i], out _)))
        {
            return new ImageShape(values[0], values[1]);
        }

        TypeError(key, node, "a list of two integers [height, width]");
        return default;
    }

    /// <summary>A mapping of names to numbers, or null.</summary>
    public ValueMap<double>? NullableDoubleMap(string key, ValueMap<double>? fallback)
    {
        if (!NullableContainer<YamlMappingNode>(key, "a mapping of names to numbers", out var mapping))
        {
            return fallback;
        }

        if (mapping is null)
        {
            return null;
        }

        var entries = new List<KeyValuePair<string, double>>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            entries.Add(new(name, Number(keyNode, valueNode, $"{KeyPath(key)}.{name}")));
        }

        return new ValueMap<double>(entries);
    }

    /// <summary>
    /// The value of <paramref name="key"/> as a <typeparamref name="TNode"/> (null for YAML null); false, so that the
    /// caller keeps its fallback, when the key is absent or holds something else (a type error is then recorded).
    /// </summary>
    private bool NullableContainer<TNode>(string key, string expected, out TNode? container)
        where TNode : YamlNode
    {
        container = null;
        var node = Raw(key);
        if (node is null)
        {
            return false;
        }

        if (YamlScalars.IsNull(node))
        {
            return true;
        }

        if (node is not TNode typed)
        {
            TypeError(key, node, expected);
            return false;
        }

        container = typed;
        return true;
    }

    /// <summary>One number of a list or mapping at <paramref name="path"/>, recorded at <paramref name="located"/>;
    /// 0 after recording a parse error.</summary>
    private double Number(YamlNode located, YamlNode value, string path)
    {
        _context.Record(path, YamlScalars.LocationOf(located));
        return ParseScalar<double>(value, path, ParseDouble, out var v) ? v : 0;
    }

    /// <summary>Records that <paramref name="key"/> is required but absent.</summary>
    public void Missing(string key)
    {
        if (_broken)
        {
            return;
        }

        var where = Path.Length == 0 ? $"the top-level mapping starts at {Start}" : $"block starts at {Start}";
        _context.Error(KeyPath(key), Start, $"{KeyPath(key)} is required ({where})");
    }

    /// <summary>Records a type error for the value of <paramref name="key"/>.</summary>
    public void TypeError(string key, YamlNode node, string expected) =>
        TypeErrorAt(KeyPath(key), node, expected);

    /// <summary>Records a type error for a node at <paramref name="path"/>.</summary>
    public void TypeErrorAt(string path, YamlNode node, string expected)
    {
        var at = YamlScalars.LocationOf(node);
        _context.Error(path, at, $"{path} at {at}: expected {expected}, got {YamlScalars.Describe(node)}");
    }

    /// <summary>Every key not requested so far is an error (pydantic <c>extra="forbid"</c>).</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (key, keyNode, _) in Unknown())
        {
            _context.Error(KeyPath(key), YamlScalars.LocationOf(keyNode), UnknownMessage("Unknown key", key, keyNode));
        }
    }

    /// <summary>Every key not requested so far is a warning (pydantic's default, which ignores extras).</summary>
    public void WarnUnknownKeys()
    {
        foreach (var (key, keyNode, _) in Unknown())
        {
            _context.Warn(KeyPath(key), YamlScalars.LocationOf(keyNode),
                UnknownMessage("Ignored unknown key", key, keyNode) +
                " (Leopard-EM ignores unknown keys in this block)");
        }
    }

    private IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Unknown() =>
        _broken ? [] : _entries.Where(e => !_requested.Contains(e.Key));

    private string UnknownMessage(string what, string key, YamlNode keyNode)
    {
        var expected = _requested.Order(StringComparer.Ordinal).ToArray();
        var where = Path.Length == 0 ? "at the top level" : $"in {Path}";
        var message = $"{what} '{key}' {where} at {YamlScalars.LocationOf(keyNode)}; expected one of: " +
                      string.Join(", ", expected);
        return KeySuggester.Suggest(key, expected) is { } suggestion
            ? $"{message}. Did you mean '{suggestion}'?"
            : message;
    }

    private static string Describe(string path) => path.Length == 0 ? "the configuration" : path;

    private delegate bool Parser<T>(string text, out T value, out string expected);

    private T? Scalar<T>(string key, T? fallback, bool required, bool nullable, Parser<T> parse)
        where T : struct
    {
        var node = Raw(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return fallback;
        }

        if (nullable && YamlScalars.IsNull(node))
        {
            return null;
        }

        return ParseScalar(node, KeyPath(key), parse, out var value) ? value : fallback ?? default(T);
    }

    private bool ParseScalar<T>(YamlNode node, string path, Parser<T> parse, out T value)
        where T : struct
    {
        value = default;
        string expected;
        if (node is YamlScalarNode s && !YamlScalars.IsNull(s))
        {
            if (parse(s.Value ?? "", out value, out expected))
            {
                return true;
            }
        }
        else
        {
            parse("", out _, out expected);
        }

        TypeErrorAt(path, node, expected);
        return false;
    }

    private string? Text(string key, string? fallback, bool required, bool nullable)
    {
        var node = Raw(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return fallback;
        }

        if (YamlScalars.IsNull(node))
        {
            if (nullable)
            {
                return null;
            }
        }
        else if (node is YamlScalarNode s)
        {
            // Any scalar is text; pydantic would refuse an unquoted number here, we need not.
            return s.Value ?? "";
        }

        TypeError(key, node, nullable ? "a string or null" : "a string");
        return fallback;
    }

    private static bool ParseDouble(string text, out double value, out string expected)
    {
        expected = "a number";
        return YamlScalars.TryDouble(text, out value);
    }

    private static bool ParseBool(string text, out bool value, out string expected)
    {
        expected = "true or false";
        return YamlScalars.TryBool(text, out value);
    }

    private static bool ParseLong(string text, out long value, out string expected)
    {
        expected = "an integer";
        return YamlScalars.TryLong(text, out value);
    }

    private static bool ParseInt(string text, out int value, out string expected)
    {
        expected = "an integer";
        value = 0;
        if (!YamlScalars.TryLong(text, out var l) || l is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)l;
        return true;
    }
}
