using System.Diagnostics;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Slurm;

/// <summary>A fact that needs a running SLURM cluster (<c>sinfo</c> answering with a usable node): skipped with the
/// reason where there is none, except in CI (<see cref="Requirement"/>), whose <c>.ci/run</c> starts a one-node cluster
/// (<c>bash ../shared/recipes/slurm-one-node.sh up</c>) before the tests.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SlurmFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Skips the test where SLURM is not running.</summary>
    public SlurmFactAttribute()
    {
        Skip = Requirement.SkipReason(Unavailable.Value);
    }

    private static string? Probe()
    {
        const string Start = "start a one-node cluster with 'bash ../shared/recipes/slurm-one-node.sh up' from the repository root (.ci/run does)";
        try
        {
            using var sinfo = Process.Start(new ProcessStartInfo("sinfo", ["-h", "-o", "%t"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var error = sinfo.StandardError.ReadToEndAsync();
            var states = sinfo.StandardOutput.ReadToEnd();
            if (!sinfo.WaitForExit(10_000))
            {
                sinfo.Kill();
                return $"SLURM does not answer (sinfo timed out); {Start}.";
            }

            var usable = states.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Any(s => s.TrimEnd('*') is "idle" or "mix" or "alloc" or "comp");
            return sinfo.ExitCode == 0 && usable
                ? null
                : $"SLURM is not running here (sinfo: {(states + error.Result).Trim()}); {Start}.";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"SLURM is not installed here (no sinfo); {Start}.";
        }
    }
}
