namespace LeopardEm.Shards;

/// <summary>
/// The cost model of a search split into shards, from a short calibration on the machine at hand: every task pays a
/// fixed set-up (process start, reading and preprocessing the inputs, the calibration of its own progress estimate)
/// and then its share of the correlations at the measured rate. Shards of one micrograph are equal to within one
/// correlation (<see cref="ShardSpec"/>), so the slowest task has ⌈C/N⌉ of them.
/// </summary>
/// <param name="Correlations">Cross-correlations per pixel of one micrograph's search (C).</param>
/// <param name="SecondsPerCorrelation">Measured wall seconds per correlation with the task's threads.</param>
/// <param name="SetupSeconds">Measured wall seconds a task spends before its first correlation.</param>
public sealed record ShardPlan(long Correlations, double SecondsPerCorrelation, double SetupSeconds)
{
    /// <summary>The share of a time limit a task is planned to use, leaving room for a slower node, a busier file
    /// system and writing the result.</summary>
    public const double Margin = 0.8;

    /// <summary>Wall seconds of the slowest of <paramref name="shards"/> tasks.</summary>
    public double TaskSeconds(int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        return SetupSeconds + Math.Ceiling((double)Correlations / shards) * SecondsPerCorrelation;
    }

    /// <summary>Task-seconds all <paramref name="shards"/> tasks of one micrograph take together (what a cluster
    /// charges, per allocated task): the search once plus the set-up once per task.</summary>
    public double TotalTaskSeconds(int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        return shards * SetupSeconds + Correlations * SecondsPerCorrelation;
    }

    /// <summary>The fewest shards whose tasks each fit <see cref="Margin"/> of <paramref name="limit"/>.</summary>
    /// <exception cref="ArgumentException">Even a task of one correlation would not fit (the limit is shorter than the
    /// set-up).</exception>
    public int ShardsToFit(TimeSpan limit)
    {
        var budget = limit.TotalSeconds * Margin - SetupSeconds;
        var shards = budget > 0 ? Math.Ceiling(Correlations * SecondsPerCorrelation / budget) : double.PositiveInfinity;
        if (shards > Correlations || shards > int.MaxValue)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"A time limit of {limit} cannot hold a task: {Margin * 100:F0} % of it is {limit.TotalSeconds * Margin:F0} s, ") +
                FormattableString.Invariant($"and a task needs {SetupSeconds:F1} s to start plus {SecondsPerCorrelation:G3} s per correlation."),
                nameof(limit));
        }

        return Math.Max(1, (int)shards);
    }
}
