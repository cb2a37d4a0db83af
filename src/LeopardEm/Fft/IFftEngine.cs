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

    /// <summary>Forward r2c transform of a <c>depth x height x width</c> volume into a
    /// <c>depth x height x (width/2+1)</c> half spectrum.</summary>
    void Forward3D(ReadOnlySpan<float> input, Span<ComplexF> output, int depth, int height, int width);

    /// <summary>Inverse c2r transform of a 3-D half spectrum, scaled by <c>1/(depth·height·width)</c>. The input may be
    /// overwritten.</summary>
    void Inverse3D(Span<ComplexF> input, Span<float> output, int depth, int height, int width);
}
