using System.Runtime.CompilerServices;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Projection;

namespace LeopardEm.Search;

/// <summary>
/// One CPU thread's share of a search: its own aligned buffers and statistics, so workers never synchronise inside
/// the hot loop, which allocates nothing. For each orientation it extracts one central slice and reuses it for every
/// (pixel size, defocus) plane (spec §9 and Appendix A). Correlations are kept (as spectra) until a group of them
/// is complete (up to <see cref="MaxGroup"/>, within the worker's share of <see cref="GroupBudgetBytes"/>), and then folded into the
/// statistics together, so each pixel's statistics (24 bytes) cross the memory bus once per group rather than once
/// per correlation; <see cref="Flush"/> folds in the last, partial group.
/// <para>
/// A correlation <c>irfft(F_img · conj(F_tpl))</c> in the search's frame (<see cref="CorrelationFrame"/>) is computed
/// in three passes that prune and fuse what a plain "r2c, multiply, c2r" would repeat:
/// (1) the template's N non-zero rows are transformed along x (the other H − N rows have zero spectra);
/// (2) per block of <see cref="ColumnBlock"/> spectrum columns, kept in cache and transposed so each column is
/// contiguous: the template columns are transformed along y, turned into <c>F_img · conj(F_tpl)</c> (the inverse
/// input is prepared in the same sweep) and transformed back along y, and only the rows the next pass reads are
/// written back;
/// (3) per block of <see cref="RowBlock"/> rows, only those of the statistics region: the rows are transformed back
/// along x into a cache-resident buffer and folded into the statistics at once.
/// </para>
/// </summary>
internal sealed unsafe class CpuCorrelationWorker : IDisposable
{
    /// <summary>Most correlations folded into the statistics together.</summary>
    public const int MaxGroup = 16;

    /// <summary>Memory all workers together may spend on the spectra of their groups (2 GiB, shared equally: with two
    /// threads 15 correlations per group at 4096², 11 at 5760 x 4096, a 4096² search near 3 GB), so the total does not
    /// grow with the thread count.</summary>
    public const long GroupBudgetBytes = 2L << 30;

    /// <summary>Spectrum columns per block of the column pass: 32 x H complex values stay in L2.</summary>
    public const int ColumnBlock = 32;

    /// <summary>Rows per block of the row pass; a multiple of 8, so that every block starts 64-byte aligned.</summary>
    public const int RowBlock = 8;

    private readonly SearchInputs _inputs;
    private readonly CorrelationFrame _frame;
    private readonly CpuImageColumns _image;
    private readonly IFftEngine _fft;
    private readonly int _n;
    private readonly AlignedBuffer<ComplexF> _slice;
    private readonly ProjectionTemplate _template;
    private readonly AlignedBuffer<float> _templateRows;
    private readonly AlignedBuffer<ComplexF> _rowSpectrum;
    private readonly AlignedBuffer<ComplexF> _columns;
    private readonly AlignedBuffer<ComplexF>[] _products;
    private readonly AlignedBuffer<float> _correlationRows;
    private readonly int[] _indices;
    private readonly int _productRows;
    private int _pending;

    public CpuCorrelationWorker(SearchInputs inputs, CpuImageColumns image, IFftEngine fft, int workers)
    {
        _inputs = inputs;
        _frame = inputs.Frame;
        _image = image;
        var frame = _frame;
        _fft = fft;
        _n = inputs.Template.Size;
        var half = _n / 2 + 1;
        var productBytes = (long)frame.Height * frame.ComplexWidth * Unsafe.SizeOf<ComplexF>();
        var group = (int)Math.Clamp(GroupBudgetBytes / Math.Max(workers, 1) / productBytes, 1, MaxGroup);
        _slice = new AlignedBuffer<ComplexF>(_n * half);
        _template = new ProjectionTemplate(_n, fft);
        // Only the first N samples of each row are ever written, so the rest of each frame-wide row stays zero.
        _templateRows = new AlignedBuffer<float>((long)_n * frame.Width);
        _rowSpectrum = new AlignedBuffer<ComplexF>((long)_n * frame.ComplexWidth);
        _columns = new AlignedBuffer<ComplexF>((long)frame.Height * ColumnBlock);
        _products = Enumerable.Range(0, group).Select(_ => new AlignedBuffer<ComplexF>((long)frame.Height * frame.ComplexWidth)).ToArray();
        _correlationRows = new AlignedBuffer<float>((long)group * RowBlock * frame.Width);
        _indices = new int[group];
        _productRows = Math.Min(frame.Height, (inputs.RegionHeight + RowBlock - 1) / RowBlock * RowBlock);
        Statistics = new SearchStatistics(inputs.RegionHeight, inputs.RegionWidth);
    }

    public SearchStatistics Statistics { get; }

    /// <summary>Correlates the (pixel size, defocus) planes <c>k = p·D + d</c> from <paramref name="firstPlane"/> to
    /// <paramref name="lastPlane"/> (inclusive) of <paramref name="orientation"/> and accumulates them.</summary>
    public void Process(int orientation, int firstPlane, int lastPlane)
    {
        var space = _inputs.Space;
        FourierSlicer.ExtractForSearch(_inputs.Template, space.Rotation(orientation), _slice.Span, space.SliceConvention);
        for (var k = firstPlane; k <= lastPlane; k++)
        {
            int p = k / space.DefocusCount, d = k % space.DefocusCount;
            MakeTemplateRows(_inputs.ProjectiveFilter(p, d));
            CorrelateColumns(_products[_pending].Pointer);
            _indices[_pending++] = space.GlobalIndex(p, d, orientation);
            if (_pending == _products.Length)
            {
                Flush();
            }
        }
    }

    /// <summary>Folds the correlations still pending into <see cref="Statistics"/>; call after the last
    /// <see cref="Process"/>.</summary>
    public void Flush()
    {
        if (_pending > 0)
        {
            AccumulateRows(_pending);
            _pending = 0;
        }
    }

    // Slice x projective filter → real-space projection centred at (N/2, N/2) → normalised for the original image
    // size → top-left N x N of the frame → its N rows transformed along x.
    private void MakeTemplateRows(float[] filter)
    {
        var centred = _template.Build(_slice.Span, filter, _inputs.ImageHeight, _inputs.ImageWidth);
        var width = _frame.Width;
        var rows = _templateRows.Span;
        for (var y = 0; y < _n; y++)
        {
            centred.Slice(y * _n, _n).CopyTo(rows.Slice(y * width, _n));
        }

        _fft.ForwardRows(rows, _rowSpectrum.Span, width, _n);
    }

    // Pass 2: product = column-inverse(F_img · conj(column-forward(template rows))), a column block at a time; the
    // block holds its columns one after another (column q at [q·H, (q+1)·H)).
    private void CorrelateColumns(ComplexF* product)
    {
        int height = _frame.Height, complexWidth = _frame.ComplexWidth;
        var image = _image.Columns.Pointer;
        var rowSpectrum = _rowSpectrum.Pointer;
        var columns = _columns.Pointer;
        for (var c0 = 0; c0 < complexWidth; c0 += ColumnBlock)
        {
            var width = Math.Min(ColumnBlock, complexWidth - c0);
            var block = new Span<ComplexF>(columns, height * width);
            for (var q = 0; q < width; q++)
            {
                block.Slice(q * height + _n, height - _n).Clear();
            }

            for (var r = 0; r < _n; r++)
            {
                var source = rowSpectrum + (nint)r * complexWidth + c0;
                for (var q = 0; q < width; q++)
                {
                    columns[q * height + r] = source[q];
                }
            }

            _fft.TransformSequences(block, height, width, TransformDirection.Forward);
            for (var q = 0; q < width; q++)
            {
                ConjugateProduct.MultiplyInto(
                    new ReadOnlySpan<ComplexF>(image + (nint)(c0 + q) * height, height), block.Slice(q * height, height));
            }

            _fft.TransformSequences(block, height, width, TransformDirection.Inverse);
            Transpose(columns, height, width, product + c0, complexWidth, _productRows);
        }
    }

    // target[r·stride + q] = source[q·height + r] for r < rows, q < width: eight rows (one cache line of each source
    // column) at a time, so every line read is used whole.
    private static void Transpose(ComplexF* source, int height, int width, ComplexF* target, int stride, int rows)
    {
        for (var r0 = 0; r0 < rows; r0 += 8)
        {
            var tile = Math.Min(8, rows - r0);
            for (var q = 0; q < width; q++)
            {
                var column = source + (nint)q * height + r0;
                var row = target + (nint)r0 * stride + q;
                for (var i = 0; i < tile; i++)
                {
                    row[(nint)i * stride] = column[i];
                }
            }
        }
    }

    // Pass 3: the statistics region's rows, RowBlock at a time, transformed along x and folded in while in cache.
    private void AccumulateRows(int group)
    {
        int width = _frame.Width, complexWidth = _frame.ComplexWidth, regionHeight = _inputs.RegionHeight;
        var mapStride = RowBlock * width;
        var rows = _correlationRows.Span;
        for (var r0 = 0; r0 < regionHeight; r0 += RowBlock)
        {
            var count = Math.Min(RowBlock, regionHeight - r0);
            // Whole blocks where the frame has the rows, so one plan serves (almost) every block.
            var transformed = Math.Min(RowBlock, _frame.Height - r0);
            for (var g = 0; g < group; g++)
            {
                _fft.InverseRows(
                    _products[g].Span.Slice(r0 * complexWidth, transformed * complexWidth),
                    rows.Slice(g * mapStride, transformed * width),
                    width,
                    transformed);
            }

            Statistics.AddRows(rows, mapStride, width, r0, count, _indices.AsSpan(0, group));
        }

        Statistics.CountMaps(group);
    }

    public void Dispose()
    {
        _slice.Dispose();
        _template.Dispose();
        _templateRows.Dispose();
        _columns.Dispose();
        _correlationRows.Dispose();
        _rowSpectrum.Dispose();
        foreach (var product in _products)
        {
            product.Dispose();
        }
    }
}
