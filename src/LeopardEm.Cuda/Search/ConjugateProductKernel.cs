using ILGPU;
using LeopardEm.Imaging;

namespace LeopardEm.Cuda.Search;

/// <summary>The cross-correlation's spectral product <c>F_img · conj(F_tpl)</c> (spec §9.3) for a batch of template
/// spectra, in the arithmetic of the CPU's ConjugateProduct.</summary>
internal static class ConjugateProductKernel
{
    /// <summary>Replaces <c>spectra[m·L + i]</c> by <c>image[i] · conj(spectra[m·L + i])</c> for
    /// <paramref name="count"/> spectra of <paramref name="length"/> = L values. Grid-stride over i; each thread applies
    /// its image value to every spectrum (one image read, no division per element).</summary>
    public static void MultiplyInto(ArrayView<ComplexF> image, ArrayView<ComplexF> spectra, long length, int count)
    {
        var stride = (long)Grid.DimX * Group.DimX;
        for (long i = Grid.GlobalIndex.X; i < length; i += stride)
        {
            var a = image[i];
            for (var m = 0; m < count; m++)
            {
                var index = m * length + i;
                var b = spectra[index];
                spectra[index] = new ComplexF(a.Re * b.Re + a.Im * b.Im, a.Im * b.Re + a.Re * -b.Im);
            }
        }
    }
}
