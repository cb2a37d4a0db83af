using System.Globalization;

namespace LeopardEm.Bench;

/// <summary>The 1-minute load average (Linux <c>/proc/loadavg</c>; 0 elsewhere): how busy other processes keep the
/// machine, which the report flags because it lowers every absolute rate.</summary>
internal static class LoadAverage
{
    /// <summary>The current 1-minute load average, or 0 where it cannot be read.</summary>
    public static double Read()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }
}
