using System.Diagnostics;
using System.Text;

namespace LeopardEm.Tests.Interop;

/// <summary>Runs RELION's command-line programs (Debian package <c>relion</c>, RELION 3.1) for the interop
/// tests.</summary>
internal static class RelionPrograms
{
    /// <summary>The program whose presence means RELION is installed.</summary>
    public const string Marker = "relion_reconstruct";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Whether <see cref="Marker"/> is on PATH.</summary>
    public static bool Installed => Find(Marker) is not null;

    /// <summary>Whether the tests must run even without RELION (on CI, where a skip would hide a broken setup).</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs <paramref name="program"/> in <paramref name="workingDirectory"/> and returns its standard
    /// output.</summary>
    /// <exception cref="InvalidOperationException">The program is not installed, fails or runs too long; the message
    /// has the command and the end of its output.</exception>
    public static string Run(string workingDirectory, string program, params string[] arguments)
    {
        var executable = Find(program) ?? throw new InvalidOperationException(
            $"{program} is not on PATH. These tests need RELION 3.1's command-line programs (Debian/Ubuntu: apt-get install relion).");
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => error.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var command = $"{program} {string.Join(' ', arguments)}";
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{command} did not finish within {Timeout.TotalMinutes} minutes.");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var text = (output.ToString() + error).Trim();
            throw new InvalidOperationException(
                $"{command} (in {workingDirectory}) exited with code {process.ExitCode}:\n{(text.Length > 3000 ? text[^3000..] : text)}");
        }

        return output.ToString();
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
