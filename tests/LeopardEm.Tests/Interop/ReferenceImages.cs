using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Optics;
using LeopardEm.Orientations;
using LeopardEm.Projection;

namespace LeopardEm.Tests.Interop;

/// <summary>Our projections and filtered volumes, to compare with RELION's.</summary>
internal static class ReferenceImages
{
    /// <summary>
    /// The template's projection for <paramref name="angles"/> as the search computes it (central slice,
    /// <see cref="SliceConvention.Exact"/>), times <paramref name="ctf"/> when given, without the search's contrast flip
    /// (density positive, like a RELION projection), centred at (N/2, N/2).
    /// </summary>
    public static Image2D Project(TemplateSpectrum spectrum, EulerAngles angles, CtfParameters? ctf, double pixelSize)
    {
        var n = spectrum.Size;
        var slice = new ComplexF[n * (n / 2 + 1)];
        FourierSlicer.ExtractForSearch(spectrum, RotationMatrixF.FromEuler(angles), slice);
        var filter = new float[slice.Length];
        if (ctf is null)
        {
            Array.Fill(filter, 1f);
        }
        else
        {
            Ctf.EvaluateRfft(ctf, 0, pixelSize, n, filter);
        }

        for (var i = 0; i < slice.Length; i++)
        {
            // Undo the search's contrast flip.
            slice[i] = -slice[i] * filter[i];
        }

        var centred = new float[n * n];
        FftEngines.Default.Inverse2D(slice, centred, n, n);
        var image = new Image2D(n, n);
        for (var y = 0; y < n; y++)
        {
            for (var x = 0; x < n; x++)
            {
                image[(y + n / 2) % n, (x + n / 2) % n] = centred[y * n + x];
            }
        }

        return image;
    }

    /// <summary>The volume with every frequency above <paramref name="cutoff"/> (cycles per voxel) removed.</summary>
    public static float[] LowPass(Volume3D volume, double cutoff)
    {
        int n = volume.Width, half = n / 2 + 1;
        var spectrum = new ComplexF[n * n * half];
        FftEngines.Default.Forward3D(volume.Data, spectrum, n, n, n);
        for (var z = 0; z < n; z++)
        {
            var kz = FrequencyGrid.FftFreq(z, n);
            for (var y = 0; y < n; y++)
            {
                var ky = FrequencyGrid.FftFreq(y, n);
                for (var x = 0; x < half; x++)
                {
                    var kx = x / (double)n;
                    if (kx * kx + ky * ky + kz * kz > cutoff * cutoff)
                    {
                        spectrum[(z * n + y) * half + x] = ComplexF.Zero;
                    }
                }
            }
        }

        var filtered = new float[n * n * n];
        FftEngines.Default.Inverse3D(spectrum, filtered, n, n, n);
        return filtered;
    }
}
