using LeopardEm.Io;
using LeopardEm.Peaks;

namespace LeopardEm.Programs;

/// <summary>
/// The detection threshold of a constrained search (other_programs spec §5.5): the z-score that Gaussian noise exceeds
/// <see cref="FalsePositives"/> times on average over one reference particle's search space,
/// <c>√2 · erfcinv(2·FP / (projections · positions))</c> with projections = defocus values × orientation offsets and
/// positions = (H_b − N + 1)(W_b − N + 1) (<see cref="ZScoreThreshold"/>).
/// </summary>
public sealed record ConstrainedSearchThreshold
{
    /// <summary>Computes the threshold.</summary>
    /// <param name="projections">Templates per particle: defocus values × orientation offsets (≥ 1).</param>
    /// <param name="positions">Template positions per box (≥ 1).</param>
    /// <param name="falsePositives">Expected false detections per particle, &gt; 0.</param>
    public ConstrainedSearchThreshold(long projections, long positions, double falsePositives)
    {
        Projections = projections;
        Positions = positions;
        FalsePositives = falsePositives;
        ZScore = ZScoreThreshold.FromFalsePositives(falsePositives, positions, projections);
    }

    /// <summary>Templates per particle (<c>num_projections</c>).</summary>
    public long Projections { get; }

    /// <summary>Template positions per box (<c>num_px</c>).</summary>
    public long Positions { get; }

    /// <summary>Cross-correlation values per particle (<c>num_correlations</c>).</summary>
    public long Correlations => Projections * Positions;

    /// <summary>Expected false detections per particle.</summary>
    public double FalsePositives { get; }

    /// <summary>The threshold: a match counts when its z-score is above it.</summary>
    public double ZScore { get; }

    /// <summary>Leopard-EM's parameters table (<c>*_parameters.csv</c>): one row of <c>num_projections, num_px,
    /// num_correlations, false_positives, threshold</c>.</summary>
    public ParticleTable ToTable()
    {
        var table = new ParticleTable(["num_projections", "num_px", "num_correlations", "false_positives", "threshold"]);
        table.AddRow([Projections, Positions, Correlations, FalsePositives, ZScore]);
        return table;
    }
}
