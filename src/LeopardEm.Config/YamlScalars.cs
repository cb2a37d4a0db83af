using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace LeopardEm.Config;

/// <summary>
/// Interprets YAML scalars the way Leopard-EM's stack (PyYAML then pydantic in lax mode) ends up interpreting them
/// for a field of known type. The target type decides, not the YAML tag: <c>"1.5"</c> is a fine number and
/// <c>yes</c> a fine boolean, exactly as upstream accepts them.
/// </summary>
internal static partial class YamlScalars
{
    private const string NullTag = "tag:yaml.org,2002:null";

    /// <summary>Strings pydantic accepts for <c>bool</c> (case-insensitive); PyYAML's YAML 1.1 booleans
    /// (yes/no/on/off/true/false) are a subset.</summary>
    private static readonly Dictionary<string, bool> BoolWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["true"] = true,
        ["false"] = false,
        ["1"] = true,
        ["0"] = false,
        ["yes"] = true,
        ["no"] = false,
        ["on"] = true,
        ["off"] = false,
        ["y"] = true,
        ["n"] = false,
        ["t"] = true,
        ["f"] = false,
    };

    /// <summary>YAML null: an empty plain scalar, <c>~</c>, <c>null</c>/<c>Null</c>/<c>NULL</c> unquoted, or an
    /// explicit <c>!!null</c>.</summary>
    public static bool IsNull(YamlNode? node) => node is null || (node is YamlScalarNode s && IsNullScalar(s));

    public static bool IsNullWord(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    public static bool TryBool(string text, out bool value) => BoolWords.TryGetValue(text.Trim(), out value);

    /// <summary>
    /// Decimal numbers (with optional exponent and Python-style digit underscores), YAML's <c>.inf</c>/<c>.nan</c>
    /// and Python's <c>inf</c>/<c>nan</c> spellings. Non-finite values are returned so that validation can reject
    /// them with the key's line.
    /// </summary>
    public static bool TryDouble(string text, out double value)
    {
        var t = text.Trim();
        var unsigned = t.TrimStart('+', '-');
        var negative = t.StartsWith('-');
        if (unsigned.Length == t.Length - 1 || unsigned.Length == t.Length)
        {
            var special = unsigned.ToLowerInvariant() switch
            {
                ".inf" or "inf" or "infinity" => double.PositiveInfinity,
                ".nan" or "nan" => double.NaN,
                _ => (double?)null,
            };
            if (special is { } s)
            {
                value = negative && double.IsInfinity(s) ? double.NegativeInfinity : s;
                return true;
            }
        }

        value = 0;
        return DecimalRegex().IsMatch(t) &&
               double.TryParse(t.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float,
                   CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Integers; like pydantic, a number with no fractional part (<c>4.0</c>) is accepted too.</summary>
    public static bool TryLong(string text, out long value)
    {
        var t = text.Trim();
        if (IntegerRegex().IsMatch(t))
        {
            return long.TryParse(t.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out value);
        }

        value = 0;
        if (TryDouble(t, out var d) && double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 9.2e18)
        {
            value = (long)d;
            return true;
        }

        return false;
    }

    /// <summary>Short description of a node for messages: <c>'abc'</c>, <c>null</c>, <c>a list</c>,
    /// <c>a mapping</c>.</summary>
    public static string Describe(YamlNode? node) => node switch
    {
        null => "nothing",
        YamlScalarNode s when IsNullScalar(s) => "null",
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => node.NodeType.ToString(),
    };

    public static SourceLocation LocationOf(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    private static bool IsNullScalar(YamlScalarNode s) =>
        (!s.Tag.IsEmpty && !s.Tag.IsNonSpecific && s.Tag.Value == NullTag) ||
        (s.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any && (s.Tag.IsEmpty || s.Tag.IsNonSpecific) &&
         IsNullWord(s.Value ?? ""));

    [GeneratedRegex(@"^[+-]?(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?$")]
    private static partial Regex DecimalRegex();

    [GeneratedRegex(@"^[+-]?\d(_?\d)*$")]
    private static partial Regex IntegerRegex();
}
