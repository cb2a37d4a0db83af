using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Optics;

namespace LeopardEm.Simulation;

/// <summary>
/// The last stage of a simulation: the 3-D rfft of the y/x-cropped planes, the crop along z to −N/2…N/2−1, the dose
/// filter and MTF (both radial, so tabulated once per integer |f|² on the N³ grid), and the inverse transform. The dose
/// filter depends only on the spatial frequency in 1/Å, so applying it after cropping gives the same weights as
/// ttsim3d's application on the upsampled grid.
/// </summary>
internal sealed class SpectrumFilter(SimulationGrid grid, CumulativeDoseFilter? dose, DetectorMtf? mtf, IFftEngine fft, int threads)
{
    /// <summary>The 3-D rfft of <paramref name="cropped"/> (<c>(u·N) x N x N</c>) cropped along z: the first
    /// <c>N x N x (N/2+1)</c> values of the returned buffer are the N³ grid's half spectrum.</summary>
    public AlignedBuffer<ComplexF> TransformAndCrop(AlignedBuffer<float> cropped)
    {
        var n = grid.Size;
        var fine = grid.UpsampledSize;
        var plane = n * (n / 2 + 1);
        var spectrum = new AlignedBuffer<ComplexF>((long)fine * plane);
        var values = spectrum.Span;
        fft.Forward3D(cropped.Span, values, fine, n, n);

        // Planes N/2…N−1 take the negative z frequencies −N/2…−1 from the end of the fine spectrum; sources lie beyond
        // their destinations, so copying in increasing order never overwrites a plane still to be moved.
        for (var z = n / 2; z < n && fine != n; z++)
        {
            values.Slice((fine - n + z) * plane, plane).CopyTo(values.Slice(z * plane, plane));
        }

        return spectrum;
    }

    /// <summary>Multiplies the N³ half spectrum at the start of <paramref name="spectrum"/> by the dose filter and MTF
    /// and writes its inverse transform to <paramref name="output"/> (N³ values). The spectrum is overwritten.</summary>
    public void FilterAndInvert(AlignedBuffer<ComplexF> spectrum, float[] output)
    {
        var n = grid.Size;
        if (dose is not null || mtf is not null)
        {
            Weigh(spectrum, RadialWeights(n));
        }

        fft.Inverse3D(spectrum.Span[..(n * n * (n / 2 + 1))], output, n, n, n);
    }

    /// <summary>Weight at every integer squared frequency radius |f|² (f in cycles per box, up to 3·(N/2)²).</summary>
    private float[] RadialWeights(int n)
    {
        var half = n / 2;
        var weights = new float[3 * half * half + 1];
        for (var r2 = 0; r2 < weights.Length; r2++)
        {
            var cyclesPerPixel = Math.Sqrt(r2) / n;
            var weight = dose?.Weight(cyclesPerPixel / grid.PixelSize) ?? 1.0;
            weight *= mtf?.Evaluate(cyclesPerPixel) ?? 1.0;
            weights[r2] = (float)weight;
        }

        return weights;
    }

    private unsafe void Weigh(AlignedBuffer<ComplexF> spectrum, float[] weights)
    {
        var n = grid.Size;
        var width = n / 2 + 1;
        var data = spectrum.Pointer;
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = threads }, z =>
        {
            var fz = z < n / 2 ? z : z - n;
            for (var y = 0; y < n; y++)
            {
                var fy = y < n / 2 ? y : y - n;
                var row = new Span<ComplexF>(data + ((long)z * n + y) * width, width);
                for (var x = 0; x < width; x++)
                {
                    row[x] *= weights[(fz * fz) + (fy * fy) + (x * x)];
                }
            }
        });
    }
}
