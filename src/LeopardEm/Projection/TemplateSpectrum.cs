using LeopardEm.Fft;
using LeopardEm.Imaging;

namespace LeopardEm.Projection;

/// <summary>
/// The 3-D half spectrum of a cubic template prepared for central-slice extraction exactly as Leopard-EM (spec §5):
/// the volume centre (N/2, N/2, N/2) is moved to the origin (real-space fftshift, so the spectrum has no phase
/// checkerboard), transformed with a 3-D rfft, and shifted along z and y only. Element <c>[iz, iy, ix]</c> holds the
/// frequency <c>((iz − N/2)/N, (iy − N/2)/N, ix/N)</c> cycles/voxel; DC sits at <c>[N/2, N/2, 0]</c>.
/// </summary>
public sealed class TemplateSpectrum
{
    private TemplateSpectrum(int size, ComplexF[] data)
    {
        Size = size;
        Data = data;
    }

    /// <summary>Edge length N of the cubic template, voxels.</summary>
    public int Size { get; }

    /// <summary>Width of the half axis, N/2 + 1.</summary>
    public int HalfWidth => Size / 2 + 1;

    /// <summary>N x N x (N/2+1) complex values, row-major [z, y, x], z and y fftshifted, x unshifted.</summary>
    public ComplexF[] Data { get; }

    /// <summary>Prepares the spectrum of <paramref name="volume"/>, which must be cubic with an even edge.</summary>
    public static TemplateSpectrum FromVolume(Volume3D volume, IFftEngine fft)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(fft);
        if (!volume.IsCubic)
        {
            throw new ArgumentException(
                $"The template must be cubic; got {volume.Width} x {volume.Height} x {volume.Depth} (x, y, z).", nameof(volume));
        }

        var n = volume.Width;
        if (n % 2 != 0)
        {
            throw new ArgumentException($"The template edge must be even (Leopard-EM mis-centres odd sizes); got {n}.", nameof(volume));
        }

        // Aligned buffers: FFTW plans are cached per alignment, and two plans may round differently, so managed arrays
        // (aligned by chance) would make the spectrum depend on where the allocator put them.
        using var shiftedBuffer = new AlignedBuffer<float>(volume.Data.Length);
        var shifted = shiftedBuffer.Span;
        var h = n / 2;
        for (var z = 0; z < n; z++)
        {
            for (var y = 0; y < n; y++)
            {
                var source = ((z + h) % n * n + (y + h) % n) * n;
                var target = (z * n + y) * n;
                for (var x = 0; x < n; x++)
                {
                    shifted[target + x] = volume.Data[source + (x + h) % n];
                }
            }
        }

        var half = n / 2 + 1;
        using var spectrumBuffer = new AlignedBuffer<ComplexF>((long)n * n * half);
        var spectrum = spectrumBuffer.Span;
        fft.Forward3D(shifted, spectrum, n, n, n);

        var result = new ComplexF[spectrum.Length];
        for (var z = 0; z < n; z++)
        {
            for (var y = 0; y < n; y++)
            {
                spectrum.Slice(((z + h) % n * n + (y + h) % n) * half, half).CopyTo(result.AsSpan((z * n + y) * half, half));
            }
        }

        return new TemplateSpectrum(n, result);
    }
}
