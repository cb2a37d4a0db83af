using System.Numerics;
using System.Runtime.InteropServices;

namespace LeopardEm.Fft;

/// <summary>The 1/N scaling of inverse transforms, vectorised because it touches every output sample.</summary>
internal static class FftScaling
{
    /// <summary>The inverse scale for <paramref name="samples"/> real samples, computed in double so that it is the
    /// correctly rounded float of 1/N.</summary>
    public static float InverseScale(long samples) => (float)(1.0 / samples);

    /// <summary>Multiplies every element of <paramref name="data"/> by <paramref name="factor"/>.</summary>
    public static void Scale(Span<float> data, float factor)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(data);
        var scale = new Vector<float>(factor);
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] *= scale;
        }

        for (var i = vectors.Length * Vector<float>.Count; i < data.Length; i++)
        {
            data[i] *= factor;
        }
    }
}
