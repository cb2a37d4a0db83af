using System.Diagnostics;

namespace LeopardEm.Bench;

/// <summary>CPU time this process has used (all threads, user and kernel), seconds.</summary>
internal static class ProcessCpu
{
    /// <summary>The process's total processor time so far.</summary>
    public static double Seconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }
}
