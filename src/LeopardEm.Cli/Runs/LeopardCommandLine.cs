using LeopardEm.Slurm;

namespace LeopardEm.Cli.Runs;

/// <summary>How a cluster node starts this same leopard, as shell text for the job scripts.</summary>
internal static class LeopardCommandLine
{
    /// <summary>
    /// This process's own command: <c>dotnet leopard.dll</c> when it runs as a framework-dependent assembly under the
    /// <c>dotnet</c> host (<see cref="Environment.ProcessPath"/> is then the host), the executable alone when it is a
    /// single-file build or a .NET tool's shim. Nodes must see the same paths (a shared file system).
    /// </summary>
    /// <exception cref="InvalidOperationException">The process's path is unknown.</exception>
    public static string Current()
    {
        var process = Environment.ProcessPath
            ?? throw new InvalidOperationException("Cannot tell how this leopard was started; pass --leopard-command \"...\".");
        var assembly = typeof(CliApp).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && assembly.Length > 0
            ? ShellWords.Join([process, assembly])
            : ShellWords.Quote(process);
    }
}
