using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LeopardEm.Config;

/// <summary>
/// Writes a tree of dictionaries, lists and scalars as block-style YAML shaped like PyYAML's
/// <c>yaml.dump(..., sort_keys=True)</c>, which is what Leopard-EM's <c>to_yaml</c> produces: keys sorted by code
/// point, list items at their key's indentation, floats always with a decimal point, and strings quoted whenever a
/// YAML 1.1 or 1.2 reader (or pydantic's coercion) could take them for something else.
/// </summary>
internal static partial class YamlEmitter
{
    private const int IndentStep = 2;

    /// <summary>Emits a mapping; values may be null, bool, int, long, double, string, nested
    /// <see cref="IReadOnlyDictionary{TKey,TValue}"/> of string to object, or <see cref="IReadOnlyList{T}"/> of
    /// object.</summary>
    public static string Emit(IReadOnlyDictionary<string, object?> root)
    {
        var lines = new List<string>();
        EmitMapping(lines, root, 0);
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static void EmitMapping(List<string> lines, IReadOnlyDictionary<string, object?> mapping, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var key in mapping.Keys.Order(StringComparer.Ordinal))
        {
            var value = mapping[key];
            var head = pad + FormatString(key) + ":";
            switch (value)
            {
                case IReadOnlyDictionary<string, object?> { Count: > 0 } child:
                    lines.Add(head);
                    EmitMapping(lines, child, indent + IndentStep);
                    break;
                case IReadOnlyList<object?> { Count: > 0 } list:
                    lines.Add(head);
                    EmitSequence(lines, list, indent);
                    break;
                default:
                    lines.Add(head + " " + FormatScalar(value));
                    break;
            }
        }
    }

    private static void EmitSequence(List<string> lines, IReadOnlyList<object?> list, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var item in list)
        {
            if (item is IReadOnlyDictionary<string, object?> { Count: > 0 } mapping)
            {
                // The first key shares the "- " line; the rest align under it.
                var start = lines.Count;
                EmitMapping(lines, mapping, indent + IndentStep);
                lines[start] = pad + "- " + lines[start][(indent + IndentStep)..];
            }
            else
            {
                lines.Add(pad + "- " + FormatScalar(item));
            }
        }
    }

    private static string FormatScalar(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        string s => FormatString(s),
        IReadOnlyDictionary<string, object?> => "{}",
        IReadOnlyList<object?> => "[]",
        _ => throw new ArgumentException($"Cannot write a {value.GetType().Name} as YAML."),
    };

    /// <summary>Shortest round-trip digits, always with a '.' (as Python's repr and PyYAML do) so the value reads
    /// back as a float.</summary>
    internal static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return ".nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? ".inf" : "-.inf";
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        var e = text.IndexOf('e', StringComparison.Ordinal);
        var mantissa = e < 0 ? text : text[..e];
        return mantissa.Contains('.', StringComparison.Ordinal) ? text : mantissa + ".0" + (e < 0 ? "" : text[e..]);
    }

    internal static string FormatString(string s)
    {
        if (PlainRegex().IsMatch(s) && !LooksLikeAnotherType(s))
        {
            return s;
        }

        if (s.Any(c => char.IsControl(c)))
        {
            return DoubleQuoted(s);
        }

        return "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool LooksLikeAnotherType(string s) =>
        YamlScalars.IsNullWord(s) || YamlScalars.TryBool(s, out _) || YamlScalars.TryDouble(s, out _) ||
        char.IsAsciiDigit(s[0]); // also keeps YAML 1.1 dates, sexagesimals and octals quoted

    private static string DoubleQuoted(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    // Conservative: letters, digits and path punctuation, not starting with an indicator character.
    [GeneratedRegex(@"^[A-Za-z0-9_/.][A-Za-z0-9_./+\-]*(:[A-Za-z0-9_./+\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainRegex();
}
