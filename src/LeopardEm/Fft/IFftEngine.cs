using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>
/// Real discrete Fourier transforms in single precision. This is the one place that states the convention every
/// engine follows and every caller relies on:
/// <list type="bullet">
/// <item>Forward transforms are unnormalised: <c>F[k] = Σ_x f[x] exp(-2πi k·x / N)</c> (NumPy/torch "backward" norm).</item>
/// <item>Inverse transforms are scaled by <c>1/N</c> (N = number of real samples), so inverse(forward(f)) = f.</item>
/// <item>Spectra use the half-spectrum ("rfft") layout, row-major and unshifted: a real <c>H x W</c> image has a
/// <c>H x (W/2+1)</c> spectrum whose element <c>[r, c]</c> holds frequency <c>(fftfreq(H)[r], c/W)</c> with DC at
/// <c>[0, 0]</c>, exactly like <c>numpy.fft.rfft2</c>; a <c>D x H x W</c> volume has a <c>D x H x (W/2+1)</c> spectrum.</item>
/// <item>Inverse (complex-to-real) transforms may overwrite their input spectrum (FFTW cannot preserve it for
/// multi-dimensional c2r). They use only the Hermitian part of the columns <c>c = 0</c> and <c>c = W/2</c>.</item>
/// <item>Buffers may alias only where a method says so. 64-byte aligned buffers (<see cref="AlignedBuffer{T}"/>) get
/// the fastest code paths; any span is accepted.</item>
/// <item>Every method is thread-safe: many threads may transform different buffers at once.</item>
/// </list>
/// Besides whole 2-D and 3-D transforms, engines offer the separable pieces a caller needs to prune or fuse work
/// around them (the correlation hot loop): batches of 1-D real transforms along rows and of 1-D complex transforms
/// down interleaved columns. These building blocks are <b>unnormalised in both directions</b>, like FFTW's own
/// transforms, so a composition applies its <c>1/N</c> once, where it is cheapest; composed as
/// <see cref="ForwardRows"/> then a forward <see cref="TransformColumns"/> they equal <see cref="Forward2D"/>, and as
/// an inverse <see cref="TransformColumns"/> then <see cref="InverseRows"/> they equal <c>H·W</c> times
/// <see cref="Inverse2D"/>.
/// </summary>
public interface IFftEngine
{
    /// <summary>Short engine name ("fftw" or "managed").</summary>
    string Name { get; }

    /// <summary>Where the engine's code comes from (the native library path for FFTW, the assembly for managed).</summary>
    string Location { get; }

    /// <summary>Forward r2c transform of <paramref name="count"/> consecutive real <c>height x width</c> images into
    /// <paramref name="count"/> consecutive <c>height x (width/2+1)</c> spectra.</summary>
    /// <param name="input">count x height x width real samples (not modified).</param>
    /// <param name="output">count x height x (width/2+1) complex values.</param>
    /// <param name="height">Rows of one image.</param>
    /// <param name="width">Columns of one image.</param>
    /// <param name="count">Number of images in the batch (1 for a single image).</param>
    void Forward2D(ReadOnlySpan<float> input, Span<ComplexF> output, int height, int width, int count = 1);

    /// <summary>Inverse c2r transform, scaled by <c>1/(height·width)</c>, of <paramref name="count"/> consecutive
    /// half spectra into real images. The input may be overwritten.</summary>
    /// <param name="input">count x height x (width/2+1) complex values (contents undefined afterwards).</param>
    /// <param name="output">count x height x width real samples.</param>
    /// <param name="height">Rows of one image.</param>
    /// <param name="width">Columns of one image.</param>
    /// <param name="count">Number of images in the batch (1 for a single image).</param>
    void Inverse2D(Span<ComplexF> input, Span<float> output, int height, int width, int count = 1);

    /// <summary>
    /// Pruned forward r2c transform of a <c>height x width</c> frame that is zero except for its top-left
    /// <c>blockHeight x blockWidth</c> block (a template zero-padded to an image): equal to <see cref="Forward2D"/> of
    /// the padded frame to float rounding, but only the block's rows are transformed along x, so the cost is that of
    /// the column transforms plus a fraction <c>blockHeight/height</c> of the row transforms.
    /// </summary>
    /// <param name="block">blockHeight x blockWidth real samples, row-major (not modified).</param>
    /// <param name="blockHeight">Rows of the block (≤ height).</param>
    /// <param name="blockWidth">Columns of the block (≤ width).</param>
    /// <param name="output">height x (width/2+1) complex values, the spectrum of the padded frame.</param>
    /// <param name="height">Rows H of the frame.</param>
    /// <param name="width">Columns W of the frame.</param>
    void ForwardPadded2D(ReadOnlySpan<float> block, int blockHeight, int blockWidth, Span<ComplexF> output, int height, int width);

    /// <summary>Unnormalised 1-D r2c transforms of <paramref name="count"/> consecutive rows of
    /// <paramref name="length"/> samples into <paramref name="count"/> consecutive rows of <c>length/2+1</c> values
    /// (non-negative frequencies <c>k/length</c>).</summary>
    /// <param name="input">count x length real samples (not modified).</param>
    /// <param name="output">count x (length/2+1) complex values.</param>
    /// <param name="length">Samples per row.</param>
    /// <param name="count">Number of rows.</param>
    void ForwardRows(ReadOnlySpan<float> input, Span<ComplexF> output, int length, int count);

    /// <summary>Unnormalised 1-D c2r transforms (no <c>1/length</c>) of <paramref name="count"/> consecutive half
    /// spectra of <c>length/2+1</c> values into <paramref name="count"/> consecutive rows of <paramref name="length"/>
    /// samples. Only the real parts of frequencies 0 and length/2 are used. The input may be overwritten.</summary>
    /// <param name="input">count x (length/2+1) complex values (contents undefined afterwards).</param>
    /// <param name="output">count x length real samples.</param>
    /// <param name="length">Samples per row.</param>
    /// <param name="count">Number of rows.</param>
    void InverseRows(Span<ComplexF> input, Span<float> output, int length, int count);

    /// <summary>Unnormalised in-place 1-D complex transforms of <paramref name="count"/> interleaved sequences of
    /// <paramref name="length"/> values: element <c>t</c> of sequence <c>q</c> is <c>data[t·count + q]</c>, i.e. the
    /// columns of a row-major <c>length x count</c> array. Forward uses <c>exp(−2πi k t/length)</c>, inverse
    /// <c>exp(+2πi k t/length)</c> without scaling.</summary>
    /// <param name="data">length x count complex values, transformed in place.</param>
    /// <param name="length">Values per sequence (rows of the array).</param>
    /// <param name="count">Number of sequences (columns of the array).</param>
    /// <param name="direction">Sign of the exponent.</param>
    void TransformColumns(Span<ComplexF> data, int length, int count, TransformDirection direction);

    /// <summary>Unnormalised in-place 1-D complex transforms of <paramref name="count"/> consecutive sequences of
    /// <paramref name="length"/> values (sequence <c>q</c> is <c>data[q·length .. (q+1)·length)</c>): the same
    /// transforms as <see cref="TransformColumns"/> on the transposed layout, which FFTW runs about twice as fast as the
    /// interleaved one for image-sized lengths.</summary>
    /// <param name="data">count x length complex values, transformed in place.</param>
    /// <param name="length">Values per sequence.</param>
    /// <param name="count">Number of sequences.</param>
    /// <param name="direction">Sign of the exponent.</param>
    void TransformSequences(Span<ComplexF> data, int length, int count, TransformDirection direction);

    /// <summary>Forward r2c transform of a <c>depth x height x width</c> volume into a
    /// <c>depth x height x (width/2+1)</c> half spectrum.</summary>
    void Forward3D(ReadOnlySpan<float> input, Span<ComplexF> output, int depth, int height, int width);

    /// <summary>Inverse c2r transform of a 3-D half spectrum, scaled by <c>1/(depth·height·width)</c>. The input may be
    /// overwritten.</summary>
    void Inverse3D(Span<ComplexF> input, Span<float> output, int depth, int height, int width);
}
