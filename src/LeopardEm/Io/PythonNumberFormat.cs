using System.Globalization;

namespace LeopardEm.Io;

/// <summary>
/// Formats numbers the way pandas writes them to CSV (Python <c>repr</c>): the shortest text that round-trips,
/// "14.723892" for a float32, "627.0" for an integral float, "1e-05" for small magnitudes. Leopard-EM users' scripts
/// and notebooks read our tables, so the text should look like theirs.
/// </summary>
public static class PythonNumberFormat
{
    /// <summary>A float32 as numpy prints it.</summary>
    public static string Format(float value) => Normalise(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>A float64 as Python prints it.</summary>
    public static string Format(double value) => Normalise(value.ToString("R", CultureInfo.InvariantCulture));

    private static string Normalise(string text)
    {
        switch (text)
        {
            case "NaN":
                return "nan";
            case "∞" or "Infinity":
                return "inf";
            case "-∞" or "-Infinity":
                return "-inf";
        }

        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
        }

        // .NET writes 1E-05 / 1.5E+20; Python writes 1e-05 / 1.5e+20 (at least two exponent digits).
        var mantissa = text[..e];
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }
}
