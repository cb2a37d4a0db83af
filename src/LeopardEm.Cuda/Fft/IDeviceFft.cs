using ILGPU;
using LeopardEm.Imaging;

namespace LeopardEm.Cuda.Fft;

/// <summary>
/// Batched 2-D real FFTs on device buffers, the transforms of the device correlation pipeline. Conventions (those of
/// cuFFT, and of <see cref="LeopardEm.Fft.IFftEngine"/>'s building blocks):
/// <list type="bullet">
/// <item>Both directions are <b>unnormalised</b>: <c>F[k] = Σ f[x] exp(−2πi k·x/N)</c> forward, the same sum with
/// <c>+</c> inverse; a caller folds <c>1/(height·width)</c> in where it is cheapest.</item>
/// <item>Batches are consecutive: image <c>j</c> occupies <c>[j·height·width, (j+1)·height·width)</c> of the real
/// buffer and <c>[j·height·(width/2+1), …)</c> of the complex one, row-major, unshifted (DC at [0, 0]).</item>
/// <item><see cref="Forward"/> leaves its input unchanged; <see cref="Inverse"/> may overwrite its input and uses
/// only the Hermitian part of the columns 0 and width/2.</item>
/// <item>Transforms are queued on the accelerator's default stream, in order with the kernels.</item>
/// <item>Images go through the library in groups of <see cref="Granularity"/> (one plan per shape), whatever the
/// count asked for, so an image's values do not depend on how many were transformed with it: a search's maps are the
/// same for every batch size and every split of the search.</item>
/// </list>
/// </summary>
public interface IDeviceFft : IDisposable
{
    /// <summary>Which library runs the transforms, with its version (e.g. "cuFFT 11.4.1", "host fftw").</summary>
    string Name { get; }

    /// <summary>Images of <paramref name="height"/> x <paramref name="width"/> transformed together: counts passed to
    /// <see cref="Forward"/> and <see cref="Inverse"/> must be multiples of it (buffers hold whole groups).</summary>
    int Granularity(int height, int width);

    /// <summary>Creates what transforms of <paramref name="height"/> x <paramref name="width"/> images need (plans,
    /// work areas) now, so that running out of device memory shows here rather than in the middle of a search.</summary>
    void Prepare(int height, int width);

    /// <summary>Unnormalised r2c transforms of <paramref name="count"/> consecutive real images.</summary>
    /// <param name="input">count x height x width real samples (not modified).</param>
    /// <param name="output">count x height x (width/2+1) complex values.</param>
    /// <param name="height">Rows of one image.</param>
    /// <param name="width">Columns of one image (even).</param>
    /// <param name="count">Number of images, a multiple of <see cref="Granularity"/>.</param>
    void Forward(ArrayView<float> input, ArrayView<ComplexF> output, int height, int width, int count);

    /// <summary>Unnormalised c2r transforms of <paramref name="count"/> consecutive half spectra.</summary>
    /// <param name="input">count x height x (width/2+1) complex values (contents undefined afterwards).</param>
    /// <param name="output">count x height x width real samples.</param>
    /// <param name="height">Rows of one image.</param>
    /// <param name="width">Columns of one image (even).</param>
    /// <param name="count">Number of images, a multiple of <see cref="Granularity"/>.</param>
    void Inverse(ArrayView<ComplexF> input, ArrayView<float> output, int height, int width, int count);
}
