using LeopardEm.Imaging;

namespace LeopardEm.Search;

/// <summary>
/// The frame spectrum in the CPU backend's layout, prepared once per run and shared read-only by every worker: times
/// the correlation's inverse normalisation <c>1/(Height·Width)</c>, so the unnormalised inverse transforms of the hot
/// loop need no scaling pass, and stored column by column (transposed), the layout of the hot loop's column
/// transforms: frequency row r of column c at <c>[c·Height + r]</c>.
/// </summary>
internal sealed class CpuImageColumns : IDisposable
{
    public CpuImageColumns(SearchInputs inputs)
    {
        var frame = inputs.Frame;
        int height = frame.Height, complexWidth = frame.ComplexWidth;
        var spectrum = inputs.FrameSpectrum.Span;
        var scale = (float)(1.0 / ((double)height * frame.Width));
        Columns = new AlignedBuffer<ComplexF>((long)height * complexWidth);
        var columns = Columns.Span;
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < complexWidth; c++)
            {
                columns[c * height + r] = spectrum[r * complexWidth + c] * scale;
            }
        }
    }

    /// <summary>The scaled, transposed spectrum.</summary>
    public AlignedBuffer<ComplexF> Columns { get; }

    public void Dispose() => Columns.Dispose();
}
