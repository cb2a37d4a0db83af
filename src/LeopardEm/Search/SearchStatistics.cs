using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LeopardEm.Search;

/// <summary>
/// Running per-pixel statistics of a search over a <c>Height x Width</c> region of correlation maps: the maximum
/// (MIP), the global search index of the maximum (ties → lowest index, so the result does not depend on the order in
/// which correlations arrive), and the sum and sum of squares of all values in double precision. Statistics of
/// disjoint parts of a search (threads, shards) combine exactly with <see cref="Merge"/>.
/// </summary>
public sealed class SearchStatistics
{
    /// <summary>Creates empty statistics (MIP −∞, index −1, sums 0).</summary>
    /// <param name="height">Rows of the region.</param>
    /// <param name="width">Columns of the region.</param>
    public SearchStatistics(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        Height = height;
        Width = width;
        var pixels = checked(height * width);
        Mip = new float[pixels];
        Mip.AsSpan().Fill(float.NegativeInfinity);
        BestIndex = new int[pixels];
        BestIndex.AsSpan().Fill(-1);
        Sum = new double[pixels];
        SumOfSquares = new double[pixels];
    }

    /// <summary>Rows of the region.</summary>
    public int Height { get; }

    /// <summary>Columns of the region.</summary>
    public int Width { get; }

    /// <summary>Maximum correlation per pixel, row-major.</summary>
    public float[] Mip { get; }

    /// <summary>Global search index of the maximum per pixel (−1 before any update).</summary>
    public int[] BestIndex { get; }

    /// <summary>Sum of all correlation values per pixel.</summary>
    public double[] Sum { get; }

    /// <summary>Sum of squared correlation values per pixel.</summary>
    public double[] SumOfSquares { get; }

    /// <summary>Number of correlation maps accumulated.</summary>
    public long Count { get; private set; }

    /// <summary>
    /// Adds one correlation map. Row <c>y</c> of the region is read from
    /// <c>correlation[y * stride .. y * stride + Width]</c>, so a map larger than the region (the full circular
    /// correlation, of which only the valid part is kept) needs no copy.
    /// </summary>
    /// <param name="correlation">The correlation map.</param>
    /// <param name="stride">Distance between rows of <paramref name="correlation"/>, in floats (≥ Width).</param>
    /// <param name="globalIndex">The map's global search index.</param>
    public void Add(ReadOnlySpan<float> correlation, int stride, int globalIndex)
    {
        if (stride < Width || correlation.Length < (long)(Height - 1) * stride + Width)
        {
            throw new ArgumentException($"A {Height} x {Width} region needs rows of stride >= {Width} in a map of at least {(long)(Height - 1) * stride + Width} values.");
        }

        for (var y = 0; y < Height; y++)
        {
            var offset = y * Width;
            AddRow(
                correlation.Slice(y * stride, Width),
                Mip.AsSpan(offset, Width),
                BestIndex.AsSpan(offset, Width),
                Sum.AsSpan(offset, Width),
                SumOfSquares.AsSpan(offset, Width),
                globalIndex);
        }

        Count++;
    }

    /// <summary>Folds <paramref name="other"/> (statistics of a disjoint part of the same search) into this one.</summary>
    public void Merge(SearchStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Height != Height || other.Width != Width)
        {
            throw new ArgumentException($"Cannot merge {other.Height} x {other.Width} statistics into {Height} x {Width}.", nameof(other));
        }

        for (var i = 0; i < Mip.Length; i++)
        {
            if (Beats(other.Mip[i], other.BestIndex[i], Mip[i], BestIndex[i]))
            {
                Mip[i] = other.Mip[i];
                BestIndex[i] = other.BestIndex[i];
            }

            Sum[i] += other.Sum[i];
            SumOfSquares[i] += other.SumOfSquares[i];
        }

        Count += other.Count;
    }

    // A candidate wins with a larger value, or an equal value at a lower index; an empty slot (index −1) always loses.
    private static bool Beats(float value, int index, float current, int currentIndex) =>
        index >= 0 && (value > current || (value == current && (currentIndex < 0 || index < currentIndex)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRow(
            ReadOnlySpan<float> values, Span<float> mip, Span<int> best, Span<double> sum, Span<double> squares, int index)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var indexVector = Vector256.Create(index);
            for (; i <= values.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var v = Vector256.Create(values.Slice(i, Vector256<float>.Count));
                var m = Vector256.Create(mip.Slice(i, Vector256<float>.Count));
                var b = Vector256.Create(best.Slice(i, Vector256<int>.Count));
                // Ties to the lower index; b < 0 marks a slot never written. NaN compares false and never wins.
                var tieWins = Vector256.Equals(v, m).AsInt32() & (Vector256.LessThan(indexVector, b) | Vector256.LessThan(b, Vector256<int>.Zero));
                var wins = Vector256.GreaterThan(v, m).AsInt32() | tieWins;
                Vector256.ConditionalSelect(wins.AsSingle(), v, m).CopyTo(mip.Slice(i));
                Vector256.ConditionalSelect(wins, indexVector, b).CopyTo(best.Slice(i));

                var (low, high) = Vector256.Widen(v);
                var sumLow = Vector256.Create(sum.Slice(i, 4));
                var sumHigh = Vector256.Create(sum.Slice(i + 4, 4));
                (sumLow + low).CopyTo(sum.Slice(i));
                (sumHigh + high).CopyTo(sum.Slice(i + 4));
                var squaresLow = Vector256.Create(squares.Slice(i, 4));
                var squaresHigh = Vector256.Create(squares.Slice(i + 4, 4));
                (squaresLow + low * low).CopyTo(squares.Slice(i));
                (squaresHigh + high * high).CopyTo(squares.Slice(i + 4));
            }
        }

        for (; i < values.Length; i++)
        {
            var v = values[i];
            if (Beats(v, index, mip[i], best[i]))
            {
                mip[i] = v;
                best[i] = index;
            }

            double d = v;
            sum[i] += d;
            squares[i] += d * d;
        }
    }
}
