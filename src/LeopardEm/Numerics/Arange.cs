namespace LeopardEm.Numerics;

/// <summary>
/// Bit-exact reproductions of the two <c>arange</c> flavours the upstream grid code relies on. The orientation counts
/// (e.g. the duplicate phi = 360 degree rows of the default grid) and the defocus / pixel-size search grids
/// (<see cref="Settings.SearchValueGrid"/>) depend on these exact double-precision rules, so callers must not use a
/// "nicer" linspace-style formula.
/// </summary>
internal static class Arange
{
    /// <summary>
    /// NumPy <c>arange(start, stop, step)</c> for float64: length <c>ceil((stop - start) / step)</c> (0 when not
    /// positive); element 0 is <c>start</c>, element 1 is <c>start + step</c>, element i ≥ 2 is
    /// <c>start + i * delta</c> with <c>delta = (start + step) - start</c> (NumPy's fill rule).
    /// </summary>
    public static double[] NumPy(double start, double stop, double step)
    {
        int length = Length(start, stop, step, "arange");
        var values = new double[length];
        if (length == 0)
        {
            return values;
        }

        values[0] = start;
        if (length == 1)
        {
            return values;
        }

        double next = start + step;
        values[1] = next;
        double delta = next - start;
        for (int i = 2; i < length; i++)
        {
            values[i] = start + i * delta;
        }

        return values;
    }

    /// <summary>Length of <see cref="NumPy"/> without allocating.</summary>
    public static int NumPyLength(double start, double stop, double step) => Length(start, stop, step, "arange");

    /// <summary>
    /// PyTorch <c>torch.arange(start, end, step, dtype=float64)</c> on the CPU: length <c>ceil((end - start) / step)</c>,
    /// element i is <c>start + i * step</c>. Unlike NumPy, torch rejects a step whose sign disagrees with
    /// <c>end - start</c>; an empty range (<c>start == end</c>) is allowed.
    /// </summary>
    public static double[] Torch(double start, double end, double step)
    {
        if (step == 0 || (step > 0 && end < start) || (step < 0 && end > start))
        {
            throw new ArgumentException(
                $"arange({start}, {end}, {step}): the bounds are inconsistent with the step sign (or the step is 0).");
        }

        int length = Length(start, end, step, "torch.arange");
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = start + i * step;
        }

        return values;
    }

    /// <summary>
    /// The length rule both flavours share, <c>ceil((stop - start) / step)</c> in double, before it is checked: it may
    /// be negative, NaN, infinite or beyond <see cref="Array.MaxLength"/>.
    /// </summary>
    public static double RawLength(double start, double stop, double step) => Math.Ceiling((stop - start) / step);

    private static int Length(double start, double stop, double step, string what)
    {
        double raw = RawLength(start, stop, step);
        if (double.IsNaN(raw) || double.IsInfinity(raw))
        {
            throw new ArgumentException($"{what}({start}, {stop}, {step}): cannot compute the length.");
        }

        if (raw <= 0)
        {
            return 0;
        }

        // A grid this large would need tens of gigabytes; failing early gives a readable message instead of an
        // OutOfMemoryException deep inside the generator.
        if (raw > Array.MaxLength)
        {
            throw new ArgumentException($"{what}({start}, {stop}, {step}): {raw} values are too many.");
        }

        return (int)raw;
    }
}
