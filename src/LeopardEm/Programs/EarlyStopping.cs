namespace LeopardEm.Programs;

/// <summary>
/// The stopping rule of optimize_template's passes (Leopard-EM's <c>optimize_pixel_size</c>, spec other_programs §4.3,
/// and <c>optimize_b_factor.py</c>, §9): candidates are evaluated in order until <c>threshold</c> consecutive ones
/// have not scored higher than the one before. A tie counts as not higher, and so does any comparison with a NaN
/// score (a NaN, and the candidate after it).
/// </summary>
public static class EarlyStopping
{
    /// <summary>Evaluates <paramref name="candidates"/> in order under the rule and returns the results, in order.</summary>
    /// <param name="candidates">What to evaluate, in order.</param>
    /// <param name="evaluate">Evaluates one candidate.</param>
    /// <param name="score">The score of a result (higher is better).</param>
    /// <param name="threshold">Consecutive non-increases that stop the pass (≥ 1).</param>
    public static IReadOnlyList<TResult> Scan<TCandidate, TResult>(
        IEnumerable<TCandidate> candidates, Func<TCandidate, TResult> evaluate, Func<TResult, double> score, int threshold)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(evaluate);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var results = new List<TResult>();
        var previous = double.NegativeInfinity;
        var decreases = 0;
        foreach (var candidate in candidates)
        {
            var result = evaluate(candidate);
            results.Add(result);
            var value = score(result);
            if (value > previous)
            {
                decreases = 0;
            }
            else if (++decreases >= threshold)
            {
                break;
            }

            previous = value;
        }

        return results;
    }

    /// <summary>The first result with the highest score (ties go to the earlier one, NaN never wins), or the default
    /// when no score beats −∞.</summary>
    public static TResult? Best<TResult>(IEnumerable<TResult> results, Func<TResult, double> score)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(score);
        var best = default(TResult);
        var bestScore = double.NegativeInfinity;
        foreach (var result in results)
        {
            if (score(result) > bestScore)
            {
                (best, bestScore) = (result, score(result));
            }
        }

        return best;
    }
}
