using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LeopardEm.Imaging;

namespace LeopardEm.Search;

/// <summary>The cross-correlation's spectral product <c>F_img · conj(F_tpl)</c>, vectorised (four complex values per
/// Vector256, the same arithmetic as the scalar tail, so results do not depend on where a block starts).</summary>
internal static class ConjugateProduct
{
    /// <summary>Replaces each <c>template[i]</c> by <c>image[i] · conj(template[i])</c>.</summary>
    public static void MultiplyInto(ReadOnlySpan<ComplexF> image, Span<ComplexF> template)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var f = MemoryMarshal.Cast<ComplexF, float>(image);
            var t = MemoryMarshal.Cast<ComplexF, float>(template);
            // (fr, fi) · (tr, −ti) = (fr·tr + fi·ti, fi·tr − fr·ti) = (fr, fi)·tr + (fi, fr)·(ti, −ti).
            var even = Vector256.Create(0, 0, 2, 2, 4, 4, 6, 6);
            var odd = Vector256.Create(1, 1, 3, 3, 5, 5, 7, 7);
            var swap = Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6);
            var signs = Vector256.Create(1f, -1f, 1f, -1f, 1f, -1f, 1f, -1f);
            for (; i <= template.Length - 4; i += 4)
            {
                var fv = Vector256.Create(f.Slice(2 * i, 8));
                var tv = Vector256.Create(t.Slice(2 * i, 8));
                var re = Vector256.Shuffle(tv, even);
                var im = Vector256.Shuffle(tv, odd) * signs;
                (fv * re + Vector256.Shuffle(fv, swap) * im).CopyTo(t.Slice(2 * i, 8));
            }
        }

        for (; i < template.Length; i++)
        {
            var a = image[i];
            var b = template[i];
            template[i] = new ComplexF(a.Re * b.Re + a.Im * b.Im, a.Im * b.Re + a.Re * -b.Im);
        }
    }
}
