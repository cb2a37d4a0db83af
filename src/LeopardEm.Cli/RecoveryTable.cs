using LeopardEm.Demo;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli;

/// <summary>Prints planted versus found particles of a demo run and the one-line verdict.</summary>
internal static class RecoveryTable
{
    public static void Write(IAnsiConsole console, DemoScenario scenario, RecoveryReport report)
    {
        var table = new Table().AddColumns(
            "#", "planted x, y (px)", "off grid (°)", "z-score", "position error (px)", "angular error (°)", "defocus error (Å)");
        for (var i = 0; i < report.Matches.Count; i++)
        {
            var match = report.Matches[i];
            var planted = match.Planted;
            var cells = new List<string>
            {
                Invariant($"{i}"),
                Invariant($"{planted.X}, {planted.Y}"),
                Invariant($"{scenario.DistanceToGrid(planted.Orientation):F1}"),
            };
            cells.AddRange(match.Found is { } found
                ? [Invariant($"{found.ZScore:F2}"), Invariant($"{match.PositionError:F1}"), Invariant($"{match.AngularError:F1}"), Invariant($"{match.DefocusError:F0}")]
                : ["missed", "", "", ""]);
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        var verdict = Invariant($"{report.FoundCount} of {report.Matches.Count} planted particles found");
        if (report.FoundCount > 0)
        {
            var matched = report.Matches.Where(m => m.IsFound).ToList();
            verdict += Invariant(
                $" (largest errors: position {matched.Max(m => m.PositionError):F1} px, orientation {matched.Max(m => m.AngularError):F1}°, ") +
                Invariant($"defocus {matched.Max(m => Math.Abs(m.DefocusError)):F0} Å; grid step {scenario.Options.AngularStep}°, {scenario.Options.DefocusStep} Å)");
        }

        console.WriteLine(verdict + ".");
        if (report.Unpaired.Count > 0)
        {
            console.WriteLine(Invariant(
                $"{report.Unpaired.Count} other peak(s) above the threshold, highest z = {report.Unpaired.Max(f => f.ZScore):F2} (false positives)."));
        }
    }
}
