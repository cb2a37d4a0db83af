using System.CommandLine;
using LeopardEm.Cli.Commands;

namespace LeopardEm.Cli;

/// <summary>
/// The <c>leopard</c> command line: builds the verb tree and maps outcomes to <see cref="ExitCodes"/>.
/// Kept free of <see cref="Console"/> so tests can run it in-process with their own writers.
/// </summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen verb and returns the process exit code.</summary>
    /// <param name="args">Command-line arguments without the program name.</param>
    /// <param name="output">Where normal output goes (standard output in the real program).</param>
    /// <param name="error">Where diagnostics go (standard error in the real program).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        using var termination = new TerminationSignal();
        try
        {
            var code = Invoke(args, output, error, termination.Token);
            return code == ExitCodes.Cancelled ? termination.ExitCode : code;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine(CancelledMessage);
            return termination.ExitCode;
        }
        catch (Exception ex)
        {
            // Every failure ends in one line naming what went wrong; the trace only on request, and the hint about it
            // only for failures that are not about the user's input (those are bugs worth reporting).
            error.WriteLine($"error: {ex.Message}");
            if (Environment.GetEnvironmentVariable("LEOPARD_DEBUG") is { Length: > 0 })
            {
                error.WriteLine(ex.ToString());
            }
            else if (!IsAboutInput(ex))
            {
                error.WriteLine("(set LEOPARD_DEBUG=1 to see the full stack trace, and please report it)");
            }

            return ExitCodes.RuntimeFailure;
        }
    }

    // Errors raised for bad input, files or settings: their message is the whole story.
    private static bool IsAboutInput(Exception ex) => ex is Config.ConfigException or Settings.SettingsValidationException
        or IOException or UnauthorizedAccessException or FormatException or InvalidDataException or InvalidOperationException;

    private static int Invoke(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var root = BuildRootCommand(output, error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"error: {problem.Message}");
            }

            error.WriteLine("Run 'leopard --help' for usage.");
            return ExitCodes.UsageError;
        }

        // Termination is handled here rather than by System.CommandLine, which gives up on the action after a timeout and
        // exits before a long search has stopped and said so.
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return parse.InvokeAsync(configuration, cancellation).GetAwaiter().GetResult();
    }

    /// <summary>What a cancelled run prints.</summary>
    internal const string CancelledMessage = "Cancelled; no outputs were written (outputs are only written after a complete run).";

    private static RootCommand BuildRootCommand(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "Leopard-EM for .NET: two-dimensional template matching (2DTM) for cryo-EM.\n" +
            "Finds every copy of a known molecule in a micrograph, with its position, orientation and defocus,\n" +
            "using the same YAML configurations and output files as the Python package Leopard-EM.");
        root.Add(InfoCommand.Create(output));
        root.Add(MatchTemplateCommand.Create(output, error));
        root.Add(MergeCommand.Create(output, error));
        root.Add(SlurmCommand.Create(output, error));
        root.Add(PlanCommand.Create(output, error));
        root.Add(RefineTemplateCommand.Create(output, error));
        root.Add(PickCommand.Create(output));
        root.Add(PlotCommand.Create(output));
        root.Add(ExportStarCommand.Create(output, error));
        root.Add(OptimizeTemplateCommand.Create(output, error));
        root.Add(ConstrainedSearchCommand.Create(output, error));
        root.Add(DemoCommand.Create(output, error));
        root.Add(SimulateCommand.Create(output, error));
        return root;
    }
}
