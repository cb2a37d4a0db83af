using System.Globalization;

namespace LeopardEm.Bench;

/// <summary>
/// Peak resident memory of this process, from Linux's <c>VmHWM</c>, which <see cref="Reset"/> lowers to the current
/// resident size (writing 5 to <c>/proc/self/clear_refs</c>), so each size's peak is its own. Elsewhere, the
/// process's peak working set, which cannot be reset.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Starts a new peak at the current resident size, where the OS allows it.</summary>
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then covers the whole process so far.
        }
    }

    /// <summary>Peak resident bytes since the last <see cref="Reset"/>.</summary>
    public static long Bytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
