using LeopardEm.Numerics;

namespace LeopardEm.Settings;

/// <summary>
/// The uniform 1-D search grid shared by defocus and pixel-size searches (Leopard-EM <c>get_search_tensors</c>):
/// it reproduces <c>torch.arange(min, max + step, step)</c> in float32, including the extra value beyond
/// <c>max</c> that floating-point noise sometimes adds, then inserts 0 so the nominal value is always searched.
/// </summary>
public static class SearchValueGrid
{
    /// <summary>Largest grid we agree to build; far beyond any sensible search, it guards against a tiny step
    /// exhausting memory.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>Zero is "already present" when some value is within this distance of it (float32 comparison, as
    /// torch compares a float32 tensor with a Python scalar).</summary>
    public const float ZeroTolerance = 1e-6f;

    /// <summary>
    /// Number of values <c>arange(min, max + step, step)</c> produces: <c>ceil(((max + step) − min) / step)</c>
    /// evaluated in double, exactly as torch sizes the range (<see cref="Arange.RawLength"/> with stop
    /// <c>max + step</c>).
    /// </summary>
    public static double RawCount(double min, double max, double step) => Arange.RawLength(min, max + step, step);

    /// <summary>
    /// Builds the grid. Values are <c>float32(min + step·i)</c> computed in double; unless
    /// <paramref name="skipEnforceZero"/>, 0 is appended and the values sorted ascending when no value is within
    /// <see cref="ZeroTolerance"/> of zero.
    /// </summary>
    /// <param name="min">First value.</param>
    /// <param name="max">Last value (inclusive, up to floating-point noise).</param>
    /// <param name="step">Spacing, &gt; 0.</param>
    /// <param name="skipEnforceZero">Do not insert 0.</param>
    /// <param name="quantity">What is searched (e.g. "Defocus"), for the error message.</param>
    /// <exception cref="ArgumentException">When <paramref name="max"/> &lt; <paramref name="min"/>, the step is not
    /// positive, a bound is not finite, or the grid would exceed <see cref="MaxCount"/> values.</exception>
    public static float[] Build(double min, double max, double step, bool skipEnforceZero, string quantity = "Search")
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !double.IsFinite(step))
        {
            throw new ArgumentException($"Search bounds must be finite (min {min}, max {max}, step {step}).");
        }

        if (max < min)
        {
            throw new ArgumentException(
                $"{quantity} search parameters result in no values to search over! (max {max} is less than min {min})");
        }

        if (step <= 0)
        {
            throw new ArgumentException($"Search step must be greater than 0, got {step}.");
        }

        var rawCount = RawCount(min, max, step);
        if (rawCount > MaxCount)
        {
            throw new ArgumentException($"Search grid would have {rawCount} values (limit {MaxCount}).");
        }

        // torch.arange(min, max + step, step): double values min + i·step, then float32.
        var grid = Arange.Torch(min, max + step, step);
        var values = new List<float>(grid.Length + 1);
        values.AddRange(grid.Select(v => (float)v));

        if (!skipEnforceZero && values.Min(MathF.Abs) > ZeroTolerance)
        {
            values.Add(0f);
            values.Sort();
        }

        return values.ToArray();
    }

    /// <summary>
    /// Reports why <see cref="Build"/> would fail for an enabled search, naming the YAML keys of the owning block.
    /// </summary>
    internal static void Check(
        ProblemCollector problems, string block, string quantity, string minKey, string maxKey, string stepKey,
        double min, double max, double step)
    {
        var minPath = ProblemCollector.Join(block, minKey);
        var maxPath = ProblemCollector.Join(block, maxKey);
        var stepPath = ProblemCollector.Join(block, stepKey);
        var finite = problems.Finite(minPath, min) & problems.Finite(maxPath, max);
        problems.GreaterThan(stepPath, step, 0);
        if (!finite || !double.IsFinite(step) || step <= 0)
        {
            return;
        }

        if (max < min)
        {
            problems.Add(maxPath,
                $"{maxPath} ({ProblemCollector.Format(max)}) is less than {minKey} ({ProblemCollector.Format(min)}): " +
                $"{quantity} search parameters result in no values to search over!");
        }
        else if (RawCount(min, max, step) > MaxCount)
        {
            problems.Add(stepPath,
                $"{stepPath} ({ProblemCollector.Format(step)}) is too small: the search would have more than " +
                $"{MaxCount} values");
        }
    }
}
