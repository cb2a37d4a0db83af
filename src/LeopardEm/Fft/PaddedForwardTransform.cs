using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>
/// <see cref="IFftEngine.ForwardPadded2D"/> composed from an engine's building blocks, so every engine prunes the same
/// way: the block's rows are padded to the frame width and transformed along x; the spectrum rows below them are
/// zero, because the frame's rows there are zero; then every column of the half spectrum is transformed along y.
/// </summary>
internal static class PaddedForwardTransform
{
    // Per-thread, aligned so that FFTW runs its SIMD plans on it; the finaliser frees it when the thread is gone.
    [ThreadStatic]
    private static AlignedBuffer<float>? _rows;

    /// <summary>Computes the spectrum of the zero-padded frame; see <see cref="IFftEngine.ForwardPadded2D"/>.</summary>
    public static void Run(
        IFftEngine engine, ReadOnlySpan<float> block, int blockHeight, int blockWidth, Span<ComplexF> output, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockWidth, 1);
        if (blockHeight > height || blockWidth > width)
        {
            throw new ArgumentException($"A {blockHeight} x {blockWidth} block does not fit a {height} x {width} frame.");
        }

        var complexWidth = width / 2 + 1;
        var complexItem = checked(height * complexWidth);
        if (block.Length < blockHeight * blockWidth || output.Length < complexItem)
        {
            throw new ArgumentException(
                $"A {blockHeight} x {blockWidth} block in a {height} x {width} frame needs {blockHeight * blockWidth} samples and {complexItem} spectrum values.");
        }

        var samples = blockHeight * width;
        if (_rows is null || _rows.Length < samples)
        {
            _rows?.Dispose();
            _rows = new AlignedBuffer<float>(samples);
        }

        var rows = _rows.Span[..samples];
        for (var y = 0; y < blockHeight; y++)
        {
            var row = rows.Slice(y * width, width);
            block.Slice(y * blockWidth, blockWidth).CopyTo(row);
            row[blockWidth..].Clear();
        }

        var spectrum = output[..complexItem];
        engine.ForwardRows(rows, spectrum, width, blockHeight);
        spectrum[(blockHeight * complexWidth)..].Clear();
        engine.TransformColumns(spectrum, height, complexWidth, TransformDirection.Forward);
    }
}
