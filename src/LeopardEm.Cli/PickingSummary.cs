using LeopardEm.Particles;
using LeopardEm.Peaks;
using Spectre.Console;
using static System.FormattableString;

namespace LeopardEm.Cli;

/// <summary>What a run that picked particles prints: the criterion, Leopard-EM's warnings and the best particles.</summary>
internal static class PickingSummary
{
    private const int Shown = 20;

    /// <summary>The picking rule in words, e.g. "-ln p > 8.000 (p-value metric)".</summary>
    public static string Criterion(PickingResult picking) => picking.Metric switch
    {
        PickingMetric.PValue => Invariant($"-ln p > {picking.Cutoff:F3} (p-value metric)"),
        PickingMetric.Gev => Invariant($"z-score > {picking.Cutoff:F3} (GEV metric)"),
        _ => Invariant($"z-score > {picking.Cutoff:F3}"),
    };

    /// <summary>Leopard-EM's warnings (no peaks; more than 1000 GEV peaks) and the table of the best particles.</summary>
    public static void Particles(IAnsiConsole console, PickingResult picking, IReadOnlyList<MatchTemplateParticle> particles)
    {
        foreach (var warning in picking.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        if (particles.Count == 0)
        {
            return;
        }

        var pValue = picking.Metric == PickingMetric.PValue;
        var table = new Table().AddColumns("#", "x (centre, px)", "y (centre, px)", "z-score");
        if (pValue)
        {
            table.AddColumn("-ln p");
        }

        table.AddColumns("MIP", "phi", "theta", "psi", "relative defocus (Å)");
        for (var i = 0; i < Math.Min(Shown, particles.Count); i++)
        {
            var p = particles[i];
            var cells = new List<string> { Invariant($"{p.Index}"), Invariant($"{p.CentreX}"), Invariant($"{p.CentreY}"), Invariant($"{p.ZScore:F2}") };
            if (pValue)
            {
                cells.Add(Invariant($"{picking.Picks[i].MetricValue:F2}"));
            }

            cells.AddRange([Invariant($"{p.Mip:F2}"), Invariant($"{p.Phi:F1}"), Invariant($"{p.Theta:F1}"), Invariant($"{p.Psi:F1}"), Invariant($"{p.RelativeDefocus:F0}")]);
            table.AddRow([.. cells]);
        }

        console.Write(table);
        if (particles.Count > Shown)
        {
            console.WriteLine($"... and {particles.Count - Shown} more.");
        }
    }
}
