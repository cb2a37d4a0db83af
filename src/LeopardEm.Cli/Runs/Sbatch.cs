using System.ComponentModel;
using System.Diagnostics;

namespace LeopardEm.Cli.Runs;

/// <summary>Submits job scripts with SLURM's <c>sbatch</c>.</summary>
internal static class Sbatch
{
    /// <summary>Submits <paramref name="script"/> and returns its job id.</summary>
    /// <param name="script">The job script.</param>
    /// <param name="afterOk">A job that must finish successfully first (<c>--dependency=afterok:ID</c>), or null.</param>
    /// <exception cref="IOException">sbatch is missing or refused the job (its message is included).</exception>
    public static string Submit(string script, string? afterOk)
    {
        var info = new ProcessStartInfo("sbatch")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--parsable");
        if (afterOk is not null)
        {
            info.ArgumentList.Add($"--dependency=afterok:{afterOk}");
        }

        info.ArgumentList.Add(script);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception)
        {
            throw new IOException("sbatch was not found: submit from a machine of the SLURM cluster, or pass --dry-run to only write the scripts.");
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            // --parsable prints "ID" or "ID;CLUSTER".
            var id = output.Trim().Split(';')[0];
            if (process.ExitCode != 0 || id.Length == 0 || !id.All(char.IsAsciiDigit))
            {
                throw new IOException($"sbatch {script} failed (exit {process.ExitCode}): {(error.Result + output).Trim()}");
            }

            return id;
        }
    }
}
