using LeopardEm.Demo;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli;

/// <summary>Prints how refine_template moved each found demo particle towards what was planted.</summary>
internal static class RefinementTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<RefinedMatch> refined, double seconds)
    {
        var table = new Table().AddColumns("#", "planted x, y (px)", "z-score", "angular error (°)", "defocus error (Å)");
        for (var i = 0; i < refined.Count; i++)
        {
            var match = refined[i];
            table.AddRow(
                Invariant($"{i}"),
                Invariant($"{match.Coarse.Planted.X}, {match.Coarse.Planted.Y}"),
                Invariant($"{match.Coarse.Found!.ZScore:F2} → {match.ZScore:F2}"),
                Invariant($"{match.Coarse.AngularError:F1} → {match.AngularError:F1}"),
                Invariant($"{match.Coarse.DefocusError:F0} → {match.DefocusError:F0}"));
        }

        console.Write(table);
        if (refined.Count == 0)
        {
            return;
        }

        console.WriteLine(
            Invariant($"Refinement in {seconds:F1} s: mean angular error {refined.Average(m => m.Coarse.AngularError):F2}° → {refined.Average(m => m.AngularError):F2}°, ") +
            Invariant($"mean |defocus error| {refined.Average(m => Math.Abs(m.Coarse.DefocusError)):F0} Å → {refined.Average(m => Math.Abs(m.DefocusError)):F0} Å, ") +
            Invariant($"mean z-score {refined.Average(m => m.Coarse.Found!.ZScore):F2} → {refined.Average(m => m.ZScore):F2}."));
    }
}
