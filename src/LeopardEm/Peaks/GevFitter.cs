using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace LeopardEm.Peaks;

/// <summary>
/// Maximum-likelihood fit of a <see cref="GevDistribution"/> (the role of SciPy's <c>genextreme.fit</c> in
/// Leopard-EM's GEV metric, spec §12.3). The data are standardised, the mean negative log-likelihood is minimised over
/// (c, loc, ln scale) by MathNet's Nelder–Mead simplex, restarted from its own optimum until it stops improving
/// (a simplex can stall on the support boundary), and the result is mapped back to data units. Points outside the
/// support cost a fixed penalty each, as in SciPy's penalised likelihood, so the search never leaves the feasible
/// region for good. Deterministic: the same data give the same fit on any number of threads.
/// </summary>
public static class GevFitter
{
    // SciPy's penalty for a point outside the support: 100 · ln(largest double).
    private const double OutsideSupportPenalty = 100 * 709.782712893384;
    private const double Tolerance = 1e-11;
    private const int MaximumIterations = 5000;
    private const int MaximumRestarts = 5;

    // Fixed-size chunks summed in parallel and then in order make the sum independent of the thread count.
    private const int Chunk = 1 << 15;

    /// <summary>Fits a GEV to <paramref name="data"/> by maximum likelihood.</summary>
    /// <param name="data">At least 3 finite values, not all equal.</param>
    public static GevDistribution Fit(IReadOnlyList<double> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count < 3)
        {
            throw new ArgumentException("A GEV fit needs at least 3 values.", nameof(data));
        }

        var mean = data.Average();
        var spread = Math.Sqrt(data.Sum(x => (x - mean) * (x - mean)) / data.Count);
        if (!(spread > 0) || !double.IsFinite(mean))
        {
            throw new ArgumentException("A GEV fit needs finite values that are not all equal.", nameof(data));
        }

        var standard = data.Select(x => (x - mean) / spread).ToArray();
        var objective = ObjectiveFunction.Value(p => MeanNegativeLogLikelihood(Distribution(p), standard));

        // Start from the Gumbel (c = 0) distribution with the data's mean and variance.
        var gumbelScale = Math.Sqrt(6) / Math.PI;
        var point = Vector<double>.Build.Dense([0, -0.5772156649015329 * gumbelScale, Math.Log(gumbelScale)]);
        var step = Vector<double>.Build.Dense([0.1, 0.1, 0.1]);
        var best = double.PositiveInfinity;
        for (var restart = 0; restart <= MaximumRestarts; restart++)
        {
            var result = NelderMeadSimplex.Minimum(objective, point, step, Tolerance, MaximumIterations);
            point = result.MinimizingPoint;
            var improvement = best - result.FunctionInfoAtMinimum.Value;
            best = result.FunctionInfoAtMinimum.Value;
            if (improvement <= Tolerance * Math.Abs(best))
            {
                break;
            }
        }

        var fit = Distribution(point);
        return new GevDistribution(fit.Shape, mean + spread * fit.Location, spread * fit.Scale);
    }

    /// <summary>Negative log-likelihood of <paramref name="data"/> under <paramref name="distribution"/>: the sum of
    /// −ln f(x); +∞ when any point lies outside the support.</summary>
    /// <param name="distribution">The model.</param>
    /// <param name="data">The values.</param>
    public static double NegativeLogLikelihood(GevDistribution distribution, IReadOnlyList<double> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sum = 0.0;
        foreach (var x in data)
        {
            sum -= distribution.LogDensity(x);
        }

        return sum;
    }

    private static GevDistribution Distribution(Vector<double> p) => new(p[0], p[1], Math.Exp(p[2]));

    private static double MeanNegativeLogLikelihood(GevDistribution distribution, double[] data)
    {
        var chunks = (data.Length + Chunk - 1) / Chunk;
        var partial = new double[chunks];
        Parallel.For(0, chunks, k =>
        {
            var end = Math.Min(data.Length, (k + 1) * Chunk);
            var sum = 0.0;
            for (var i = k * Chunk; i < end; i++)
            {
                var logDensity = distribution.LogDensity(data[i]);
                sum += double.IsNegativeInfinity(logDensity) ? OutsideSupportPenalty : -logDensity;
            }

            partial[k] = sum;
        });

        var total = 0.0;
        foreach (var value in partial)
        {
            total += value;
        }

        return total / data.Length;
    }
}
