using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LeopardEm.Cli.Commands;

/// <summary>
/// Numeric options that check their value while parsing, so a value that is not a number, not finite or out of range is
/// a usage error naming the option and the rule (never a .NET type name or a stack trace).
/// </summary>
internal static class NumberOptions
{
    /// <summary>A whole-number option; <paramref name="rule"/> completes "NAME must be ...".</summary>
    public static Option<int> Whole(string name, string description, Func<int, bool> valid, string rule, int defaultValue = 0) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(result, name, rule, (string token, out int value) =>
            int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && valid(value)),
    };

    /// <summary>A real-number option (finite values only); <paramref name="rule"/> completes "NAME must be ...".</summary>
    public static Option<double> Real(string name, string description, Func<double, bool> valid, string rule, double defaultValue = 0) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(result, name, rule, (string token, out double value) => Finite(token, out value) && valid(value)),
    };

    /// <summary>A real-number option that may be absent (null).</summary>
    public static Option<double?> OptionalReal(string name, string description, Func<double, bool> valid, string rule) => new(name)
    {
        Description = description,
        CustomParser = result => Parse(result, name, rule, (string token, out double? value) =>
        {
            var ok = Finite(token, out var number) && valid(number);
            value = number;
            return ok;
        }),
    };

    private delegate bool TryParse<T>(string token, out T value);

    private static bool Finite(string token, out double value) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static T Parse<T>(ArgumentResult result, string name, string rule, TryParse<T> parse)
    {
        var token = string.Join(' ', result.Tokens.Select(t => t.Value));
        if (parse(token, out var value))
        {
            return value;
        }

        result.AddError($"{name} must be {rule}; got '{token}'.");
        return default!;
    }
}
