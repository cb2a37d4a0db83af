namespace LeopardEm.Search;

/// <summary>Progress of a running search, reported after each finished chunk of orientations.</summary>
/// <param name="CorrelationsDone">Cross-correlations finished so far.</param>
/// <param name="CorrelationsTotal">Cross-correlations in the whole run.</param>
public readonly record struct SearchProgress(long CorrelationsDone, long CorrelationsTotal)
{
    /// <summary>Fraction done, 0 to 1.</summary>
    public double Fraction => CorrelationsTotal == 0 ? 1 : (double)CorrelationsDone / CorrelationsTotal;
}
