using LeopardEm.Io;

namespace LeopardEm.Tests.Io;

/// <summary>
/// Number text as pandas writes it: Python <c>repr</c> for float64 (scientific when the decimal exponent is below −4
/// or at least 16) and numpy's scalar <c>str</c> for float32 (positional for 1e-4 ≤ |x| &lt; 1e16, judged on the
/// float32 value itself), both with the shortest round-trip digits.
/// </summary>
public class PythonNumberFormatTests
{
    public static TheoryData<double, string> Doubles => new()
    {
        { 627.0, "627.0" },
        { 622.5, "622.5" },
        { 0.0, "0.0" },
        { -0.0, "-0.0" },
        { 1.5, "1.5" },
        { -10000.0, "-10000.0" },
        { 0.1 + 0.2, "0.30000000000000004" },
        { 1e-5, "1e-05" },
        { -2.5e-7, "-2.5e-07" },
        { 1e-4, "0.0001" },
        { 1.001e-4, "0.0001001" },
        { 1.5e20, "1.5e+20" },
        { 1e15, "1000000000000000.0" },
        { 9.99e15, "9990000000000000.0" },
        { 1e16, "1e+16" },
        { 1.000000000001e16, "1.000000000001e+16" },
        { 1e22, "1e+22" },
        { 5e-324, "5e-324" },
        { double.MaxValue, "1.7976931348623157e+308" },
        { double.NaN, "nan" },
        { double.PositiveInfinity, "inf" },
        { double.NegativeInfinity, "-inf" },
    };

    public static TheoryData<float, string> Floats => new()
    {
        { 14.723892f, "14.723892" },
        { 10.126942f, "10.126942" },
        { -0.5625486f, "-0.5625486" },
        { 0f, "0.0" },
        { -0f, "-0.0" },
        { 110f, "110.0" },
        { -500f, "-500.0" },
        { 1e-5f, "1e-05" },
        { 2e-4f, "0.0002" },
        // float32(1e-4) is 9.99999975e-05, below 1e-4, so numpy writes it in scientific notation.
        { 1e-4f, "1e-04" },
        { 1e9f, "1000000000.0" },
        { 123456790f, "123456790.0" },
        { 1e15f, "1000000000000000.0" },
        { 1e16f, "1e+16" },
        { 1.5e20f, "1.5e+20" },
        { float.MaxValue, "3.4028235e+38" },
        { float.Epsilon, "1e-45" },
        { float.NaN, "nan" },
        { float.PositiveInfinity, "inf" },
        { float.NegativeInfinity, "-inf" },
    };

    [Theory]
    [MemberData(nameof(Doubles))]
    public void Doubles_are_written_like_python_repr(double value, string expected) =>
        Assert.Equal(expected, PythonNumberFormat.Format(value));

    [Theory]
    [MemberData(nameof(Floats))]
    public void Floats_are_written_like_numpy_float32(float value, string expected) =>
        Assert.Equal(expected, PythonNumberFormat.Format(value));

    /// <summary>The text parses back to the same value, whatever the notation.</summary>
    [Fact]
    public void Text_round_trips()
    {
        var random = new Random(12);
        for (var i = 0; i < 2000; i++)
        {
            var d = BitConverter.Int64BitsToDouble(random.NextInt64());
            var f = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31));
            if (double.IsFinite(d))
            {
                Assert.Equal(d, double.Parse(PythonNumberFormat.Format(d), System.Globalization.CultureInfo.InvariantCulture));
            }

            if (float.IsFinite(f))
            {
                Assert.Equal(f, float.Parse(PythonNumberFormat.Format(f), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
