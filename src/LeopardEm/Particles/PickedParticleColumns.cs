using LeopardEm.Peaks;

namespace LeopardEm.Particles;

/// <summary>
/// The particle table of a pick with a chosen metric: Leopard-EM's match_template columns
/// (<see cref="MatchTemplateParticleColumns"/>) followed by the metric's value column (<c>z_score</c>,
/// <c>neg_log_p</c> or <c>gev_z_score</c>, see <see cref="ValueColumn"/>) and <see cref="CutoffColumn"/>. Readers of
/// Leopard-EM tables (refine_template, pandas) ignore the two extra columns.
/// </summary>
public static class PickedParticleColumns
{
    /// <summary>The cutoff the metric's value had to exceed, the same in every row.</summary>
    public const string CutoffColumn = "metric_cutoff";

    private static readonly (PickingMetric Metric, string Column)[] ValueColumns =
    [
        (PickingMetric.ZScore, "z_score"),
        (PickingMetric.PValue, "neg_log_p"),
        (PickingMetric.Gev, "gev_z_score"),
    ];

    /// <summary>The name of <paramref name="metric"/>'s value column: <c>z_score</c> (the z-score, equal to
    /// <c>scaled_mip</c>), <c>neg_log_p</c> (s = −ln p of the joint z-score/MIP model; p = e^−s) or
    /// <c>gev_z_score</c> (the z-score, thresholded at the GEV fit's cutoff).</summary>
    public static string ValueColumn(PickingMetric metric) =>
        ValueColumns.Single(c => c.Metric == metric).Column;

    /// <summary>The metric whose value column <paramref name="columns"/> hold, or null when none (a plain Leopard-EM
    /// table).</summary>
    public static PickingMetric? MetricOf(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var names = columns.ToHashSet(StringComparer.Ordinal);
        return ValueColumns.Where(c => names.Contains(c.Column)).Select(c => (PickingMetric?)c.Metric).FirstOrDefault();
    }

    /// <summary>The columns for <paramref name="metric"/>, in order.</summary>
    public static IReadOnlyList<ParticleColumn<PickedParticle>> For(PickingMetric metric) =>
    [
        .. MatchTemplateParticleColumns.All.Select(c => new ParticleColumn<PickedParticle>(c.Name, p => c.Value(p.Particle))),
        new(ValueColumn(metric), p => p.MetricValue),
        new(CutoffColumn, p => p.Cutoff),
    ];

    /// <summary>The table of <paramref name="particles"/> and the picks that made them (same order and count).</summary>
    /// <param name="particles">Particles built from <paramref name="picking"/>'s picks.</param>
    /// <param name="picking">The picking result.</param>
    public static Io.ParticleTable ToTable(IReadOnlyList<MatchTemplateParticle> particles, PickingResult picking)
    {
        ArgumentNullException.ThrowIfNull(particles);
        ArgumentNullException.ThrowIfNull(picking);
        if (particles.Count != picking.Picks.Count)
        {
            throw new ArgumentException($"{particles.Count} particles for {picking.Picks.Count} picks.", nameof(particles));
        }

        return ParticleTables.Of(
            For(picking.Metric),
            particles.Select((p, i) => new PickedParticle(p, (float)picking.Picks[i].MetricValue, picking.Cutoff)));
    }
}
