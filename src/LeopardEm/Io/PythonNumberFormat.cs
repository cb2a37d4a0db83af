using System.Globalization;

namespace LeopardEm.Io;

/// <summary>
/// Formats numbers the way pandas writes them to CSV: the shortest text that round-trips, "14.723892" for a float32,
/// "627.0" for an integral float, "1e-05" for small magnitudes, "nan"/"inf". Leopard-EM users' scripts and notebooks
/// read our tables, so the text should look like theirs.
/// </summary>
public static class PythonNumberFormat
{
    /// <summary>A float32 as numpy prints it: positional when the value is 0 or 1e-4 ≤ |x| &lt; 1e16 (judged on the
    /// float32 value itself, so float32(1e-4) = 9.99999975e-05 prints as "1e-04"), scientific otherwise.</summary>
    public static string Format(float value)
    {
        var magnitude = Math.Abs((double)value);
        return Format(value.ToString("R", CultureInfo.InvariantCulture), _ => magnitude < 1e-4 || magnitude >= 1e16);
    }

    /// <summary>A float64 as Python's <c>repr</c> prints it: scientific when the decimal exponent of the shortest
    /// digits is below −4 or at least 16 ("1e-05", "0.0001", "1000000000000000.0", "1e+16").</summary>
    public static string Format(double value) =>
        Format(value.ToString("R", CultureInfo.InvariantCulture), decimalPoint => decimalPoint < -3 || decimalPoint > 16);

    // roundTrip is .NET's shortest round-trip text ("14.723892", "1E-05", "1.5E+20", "NaN", "-∞"); .NET picks its own
    // switch to exponent notation, so the digits are re-laid out with Python's. decimalPoint is Python's "decpt": the
    // value is 0.d1d2...dn x 10^decimalPoint.
    private static string Format(string roundTrip, Func<int, bool> scientific)
    {
        switch (roundTrip)
        {
            case "NaN":
                return "nan";
            case "∞" or "Infinity":
                return "inf";
            case "-∞" or "-Infinity":
                return "-inf";
        }

        var sign = roundTrip.StartsWith('-') ? "-" : "";
        var text = roundTrip.TrimStart('-');
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var allDigits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var digits = allDigits.TrimStart('0');
        var decimalPoint = (point < 0 ? mantissa.Length : point) + exponent - (allDigits.Length - digits.Length);
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        if (scientific(decimalPoint))
        {
            var power = decimalPoint - 1;
            var significand = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            return $"{sign}{significand}e{(power < 0 ? '-' : '+')}{Math.Abs(power):00}";
        }

        if (decimalPoint <= 0)
        {
            return sign + "0." + new string('0', -decimalPoint) + digits;
        }

        return decimalPoint >= digits.Length
            ? sign + digits + new string('0', decimalPoint - digits.Length) + ".0"
            : sign + digits[..decimalPoint] + "." + digits[decimalPoint..];
    }
}
