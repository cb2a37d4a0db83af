using Spectre.Console;

namespace LeopardEm.Cli;

/// <summary>Spectre.Console consoles bound to the command's output writer, so tests see what users see.</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole For(TextWriter output)
    {
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }
}
