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

    /// <summary>
    /// Statistics from their accumulators, as another backend, a partial-result file or a checkpoint holds them; the
    /// arrays are used as given (not copied). Each is row-major over the <paramref name="height"/> x
    /// <paramref name="width"/> region.
    /// </summary>
    /// <param name="height">Rows of the region.</param>
    /// <param name="width">Columns of the region.</param>
    /// <param name="mip">Maximum correlation per pixel (−∞ where nothing was added).</param>
    /// <param name="bestIndex">Global search index of the maximum (−1 where nothing was added).</param>
    /// <param name="sum">Sum of the correlations per pixel.</param>
    /// <param name="sumOfSquares">Sum of the squared correlations per pixel.</param>
    /// <param name="count">Number of correlation maps accumulated.</param>
    public SearchStatistics(int height, int width, float[] mip, int[] bestIndex, double[] sum, double[] sumOfSquares, long count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var pixels = checked(height * width);
        if (mip?.Length != pixels || bestIndex?.Length != pixels || sum?.Length != pixels || sumOfSquares?.Length != pixels)
        {
            throw new ArgumentException($"Every accumulator must hold {height} x {width} = {pixels} values.");
        }

        Height = height;
        Width = width;
        Mip = mip;
        BestIndex = bestIndex;
        Sum = sum;
        SumOfSquares = sumOfSquares;
        Count = count;
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
        AddRows(correlation, 0, stride, 0, Height, [globalIndex]);
        Count++;
    }

    /// <summary>
    /// Adds rows <c>[firstRow, firstRow + rowCount)</c> of several correlation maps at once, in the order of
    /// <paramref name="globalIndices"/>: the running maxima and sums stay in registers across the maps, so each pixel's
    /// statistics are read and written once per call rather than once per map, with results identical to adding the
    /// maps one by one. Row <c>firstRow + i</c> of map <c>m</c> is read from
    /// <c>values[m·mapStride + i·rowStride ..]</c>. <see cref="Count"/> is not changed: call <see cref="CountMaps"/>
    /// once every row of the maps has been added.
    /// </summary>
    internal void AddRows(ReadOnlySpan<float> values, int mapStride, int rowStride, int firstRow, int rowCount, ReadOnlySpan<int> globalIndices)
    {
        var maps = globalIndices.Length;
        if (maps < 1 || rowCount < 0 || firstRow < 0 || firstRow + rowCount > Height || rowStride < Width
            || (rowCount > 0 && values.Length < (long)(maps - 1) * mapStride + (long)(rowCount - 1) * rowStride + Width))
        {
            throw new ArgumentException(
                $"Rows [{firstRow}, {firstRow + rowCount}) of {maps} maps do not fit the {Height} x {Width} region or the {values.Length} values given.");
        }

        for (var i = 0; i < rowCount; i++)
        {
            var offset = (firstRow + i) * Width;
            AddRow(
                values[(i * rowStride)..],
                mapStride,
                Mip.AsSpan(offset, Width),
                BestIndex.AsSpan(offset, Width),
                Sum.AsSpan(offset, Width),
                SumOfSquares.AsSpan(offset, Width),
                globalIndices);
        }
    }

    /// <summary>Records that <paramref name="maps"/> maps have been added completely with <see cref="AddRows"/>.</summary>
    internal void CountMaps(int maps) => Count += maps;

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
    // values[m·mapStride + x] is map m's value at column x of this row.
    private static void AddRow(
        ReadOnlySpan<float> values, int mapStride, Span<float> mip, Span<int> best, Span<double> sum, Span<double> squares,
        ReadOnlySpan<int> indices)
    {
        var width = mip.Length;
        var x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; x <= width - Vector256<float>.Count; x += Vector256<float>.Count)
            {
                var m = Vector256.Create(mip.Slice(x, Vector256<float>.Count));
                var b = Vector256.Create(best.Slice(x, Vector256<int>.Count));
                var sumLow = Vector256.Create(sum.Slice(x, 4));
                var sumHigh = Vector256.Create(sum.Slice(x + 4, 4));
                var squaresLow = Vector256.Create(squares.Slice(x, 4));
                var squaresHigh = Vector256.Create(squares.Slice(x + 4, 4));
                for (var map = 0; map < indices.Length; map++)
                {
                    var v = Vector256.Create(values.Slice(map * mapStride + x, Vector256<float>.Count));
                    var index = Vector256.Create(indices[map]);
                    // Ties to the lower index; b < 0 marks a slot never written. NaN compares false and never wins.
                    var tieWins = Vector256.Equals(v, m).AsInt32() & (Vector256.LessThan(index, b) | Vector256.LessThan(b, Vector256<int>.Zero));
                    var wins = Vector256.GreaterThan(v, m).AsInt32() | tieWins;
                    m = Vector256.ConditionalSelect(wins.AsSingle(), v, m);
                    b = Vector256.ConditionalSelect(wins, index, b);
                    var (low, high) = Vector256.Widen(v);
                    sumLow += low;
                    sumHigh += high;
                    squaresLow += low * low;
                    squaresHigh += high * high;
                }

                m.CopyTo(mip.Slice(x));
                b.CopyTo(best.Slice(x));
                sumLow.CopyTo(sum.Slice(x));
                sumHigh.CopyTo(sum.Slice(x + 4));
                squaresLow.CopyTo(squares.Slice(x));
                squaresHigh.CopyTo(squares.Slice(x + 4));
            }
        }

        for (; x < width; x++)
        {
            for (var map = 0; map < indices.Length; map++)
            {
                var v = values[map * mapStride + x];
                if (Beats(v, indices[map], mip[x], best[x]))
                {
                    mip[x] = v;
                    best[x] = indices[map];
                }

                double d = v;
                sum[x] += d;
                squares[x] += d * d;
            }
        }
    }
}
