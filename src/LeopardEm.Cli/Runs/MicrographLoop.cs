using LeopardEm.Datasets;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli.Runs;

/// <summary>
/// The loop of every run over micrographs (a search of each, a merge of each): micrographs already finished are
/// skipped, one that fails is reported and the others go on, and at the end the combined particle table of every
/// finished micrograph is written and the failures are listed again (exit code 1 when there is one). Ctrl-C or SIGTERM
/// stops the loop at once.
/// </summary>
internal static class MicrographLoop
{
    /// <param name="console">Where to report.</param>
    /// <param name="layout">The run folder.</param>
    /// <param name="names">The micrographs, in run order.</param>
    /// <param name="isComplete">Whether a micrograph is finished already.</param>
    /// <param name="work">Finishes a micrograph (throws when it cannot).</param>
    /// <param name="cancellation">Stops the loop between and inside micrographs.</param>
    public static int Run(
        IAnsiConsole console, RunLayout layout, IReadOnlyList<string> names, Func<string, bool> isComplete, Action<string> work,
        CancellationToken cancellation)
    {
        var finished = new List<string>();
        var failures = new List<(string Name, string Message)>();
        for (var i = 0; i < names.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var name = names[i];
            console.WriteLine(Invariant($"[{i + 1}/{names.Count}] {name}"));
            if (isComplete(name))
            {
                console.WriteLine(Invariant($"skipped {name}: finished before ({layout.Particles(name)})"));
                finished.Add(name);
                continue;
            }

            try
            {
                work(name);
                finished.Add(name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad micrograph (a damaged file, a missing part) must not cost the others their results.
                failures.Add((name, e.Message));
                console.MarkupLineInterpolated($"[red]error:[/] micrograph {name}: {e.Message}");
            }
        }

        if (finished.Count > 0)
        {
            var particles = CombinedParticleTable.Write(layout.CombinedParticles, [.. finished.Select(n => (n, layout.Particles(n)))]);
            console.WriteLine(Invariant($"wrote {layout.CombinedParticles}: {particles} particle(s) of {finished.Count} micrograph(s)"));
        }

        if (failures.Count == 0)
        {
            return ExitCodes.Success;
        }

        console.MarkupLineInterpolated($"[red]{failures.Count} of {names.Count} micrograph(s) failed[/] (the others are done; rerun the same command to retry only these):");
        foreach (var (name, message) in failures)
        {
            console.WriteLine($"  {name}: {message}");
        }

        return ExitCodes.RuntimeFailure;
    }
}
