using System.Diagnostics;

namespace LeopardEm.Tests.Slurm;

/// <summary>Runs a job script with bash as a SLURM node would (the array task's environment variables set), capturing
/// its output.</summary>
internal static class ScriptProcess
{
    public static (int Code, string Output) Run(string script, int? arrayTask = null, int cpus = 2)
    {
        var info = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["SLURM_CPUS_PER_TASK"] = cpus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["NO_COLOR"] = "1";
        if (arrayTask is { } task)
        {
            info.Environment["SLURM_ARRAY_TASK_ID"] = task.ToString(System.Globalization.CultureInfo.InvariantCulture);
            info.Environment["SLURM_ARRAY_JOB_ID"] = "42";
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} (task {arrayTask}) did not finish in 180 s: {output}");
        }

        return (process.ExitCode, output + error.Result);
    }

    /// <summary>How the tests' job scripts start leopard: the build's leopard.dll under the dotnet host that runs the
    /// tests (the CLI runs in-process under the test host, whose own process path is not leopard; a job's PATH may
    /// lack dotnet).</summary>
    public static string LeopardCommand =>
        LeopardEm.Slurm.ShellWords.Join([Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "leopard.dll")]);
}
