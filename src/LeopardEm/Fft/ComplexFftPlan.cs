using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>
/// An unnormalised complex DFT of one length, applied in place to a batch of interleaved sequences: element
/// <c>t</c> of sequence <c>q</c> is at <c>data[q + batch·t]</c>. The interleaved layout lets the same plan run along
/// contiguous rows (batch 1) and down blocks of image columns (batch = block width) with unit-stride inner loops.
/// Plans are immutable and thread-safe; callers supply the scratch.
/// </summary>
internal abstract unsafe class ComplexFftPlan
{
    /// <summary>Creates a plan for sequences of <paramref name="length"/> elements.</summary>
    protected ComplexFftPlan(int length) => Length = length;

    /// <summary>Sequence length n.</summary>
    public int Length { get; }

    /// <summary>Scratch elements <see cref="Transform"/> needs for <paramref name="batch"/> sequences.</summary>
    public abstract int ScratchLength(int batch);

    /// <summary>Transforms <paramref name="batch"/> interleaved sequences in place.</summary>
    /// <param name="data">Length·batch elements.</param>
    /// <param name="scratch"><see cref="ScratchLength"/> elements, not overlapping <paramref name="data"/>.</param>
    /// <param name="batch">Number of interleaved sequences (the stride between a sequence's elements).</param>
    /// <param name="inverse">True for the positive exponent (unscaled inverse).</param>
    public abstract void Transform(ComplexF* data, ComplexF* scratch, int batch, bool inverse);

    /// <summary><c>exp(-2πi·numerator/denominator)</c>, evaluated in double and reduced first so large arguments
    /// keep full precision.</summary>
    protected static ComplexF Root(long numerator, long denominator)
    {
        var (sin, cos) = Math.SinCos(-2 * Math.PI * (numerator % denominator) / denominator);
        return new ComplexF((float)cos, (float)sin);
    }
}
