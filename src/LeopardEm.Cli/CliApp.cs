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
        var root = BuildRootCommand(output);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"error: {problem.Message}");
            }

            error.WriteLine("Run 'leopard --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return parse.Invoke(configuration);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("Cancelled; no partial outputs were left behind.");
            return ExitCodes.RuntimeFailure;
        }
        catch (Exception ex)
        {
            error.WriteLine($"error: {ex.Message}");
            if (Environment.GetEnvironmentVariable("LEOPARD_DEBUG") is { Length: > 0 })
            {
                error.WriteLine(ex.ToString());
            }
            else
            {
                error.WriteLine("(set LEOPARD_DEBUG=1 to see the full stack trace)");
            }

            return ExitCodes.RuntimeFailure;
        }
    }

    private static RootCommand BuildRootCommand(TextWriter output)
    {
        var root = new RootCommand(
            "Leopard-EM for .NET: two-dimensional template matching (2DTM) for cryo-EM.\n" +
            "Finds every copy of a known molecule in a micrograph, with its position, orientation and defocus,\n" +
            "using the same YAML configurations and output files as the Python package Leopard-EM.");
        root.Add(InfoCommand.Create(output));
        root.Add(MatchTemplateCommand.Create(output));
        root.Add(RefineTemplateCommand.Create(output));
        return root;
    }
}
