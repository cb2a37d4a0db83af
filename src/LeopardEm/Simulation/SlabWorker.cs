using LeopardEm.Fft;
using LeopardEm.Imaging;

namespace LeopardEm.Simulation;

/// <summary>
/// One thread's buffers for rendering a slab of fine-grid planes and Fourier-cropping each plane from
/// <c>(u·N)²</c> to <c>N²</c>: rfft2, keep rows −N/2…N/2−1 and columns 0…N/2, irfft2. Cropping y and x per plane and z
/// afterwards (<see cref="SpectrumFilter"/>) keeps exactly the frequencies of a 3-D crop, because the transforms along
/// different axes commute.
/// </summary>
internal sealed class SlabWorker : IDisposable
{
    private readonly SlabRenderer _renderer;
    private readonly IFftEngine _fft;
    private readonly int _fine;
    private readonly int _size;
    private readonly AlignedBuffer<float> _slab;
    private readonly AlignedBuffer<ComplexF>? _fineSpectrum;
    private readonly AlignedBuffer<ComplexF>? _croppedSpectrum;
    private readonly AlignedBuffer<float>? _croppedPlanes;

    public SlabWorker(AtomFootprints atoms, SimulationGrid grid, IFftEngine fft, int planes)
    {
        _fft = fft;
        _fine = grid.UpsampledSize;
        _size = grid.Size;
        _renderer = new SlabRenderer(atoms, _fine, grid.UpsampledPixelSize);
        _slab = new AlignedBuffer<float>((long)planes * _fine * _fine);
        if (grid.Upsampling > 1)
        {
            _fineSpectrum = new AlignedBuffer<ComplexF>((long)planes * _fine * (_fine / 2 + 1));
            _croppedSpectrum = new AlignedBuffer<ComplexF>((long)planes * _size * (_size / 2 + 1));
            _croppedPlanes = new AlignedBuffer<float>((long)planes * _size * _size);
        }
    }

    /// <summary>Renders planes <c>[z0, z1)</c> and writes them, cropped to N x N, to the same planes of
    /// <paramref name="cropped"/> (<c>(u·N) x N x N</c>).</summary>
    public void Process(int z0, int z1, AlignedBuffer<float> cropped)
    {
        var count = z1 - z0;
        var slab = _slab.Span[..(count * _fine * _fine)];
        slab.Clear();
        _renderer.Render(slab, z0, z1);
        var planeSize = _size * _size;
        var target = cropped.Span.Slice(z0 * planeSize, count * planeSize);
        if (_fineSpectrum is null || _croppedSpectrum is null || _croppedPlanes is null)
        {
            slab.CopyTo(target);
            return;
        }

        var fineWidth = _fine / 2 + 1;
        var width = _size / 2 + 1;
        var fineSpectrum = _fineSpectrum.Span[..(count * _fine * fineWidth)];
        var croppedSpectrum = _croppedSpectrum.Span[..(count * _size * width)];
        _fft.Forward2D(slab, fineSpectrum, _fine, _fine, count);
        for (var p = 0; p < count; p++)
        {
            for (var row = 0; row < _size; row++)
            {
                // Rows N/2…N−1 of the cropped plane hold the negative frequencies −N/2…−1, the last rows of the fine plane.
                var fineRow = row < _size / 2 ? row : _fine - _size + row;
                fineSpectrum.Slice((p * _fine + fineRow) * fineWidth, width)
                    .CopyTo(croppedSpectrum.Slice((p * _size + row) * width, width));
            }
        }

        var planes = _croppedPlanes.Span[..(count * planeSize)];
        _fft.Inverse2D(croppedSpectrum, planes, _size, _size, count);
        planes.CopyTo(target);
    }

    public void Dispose()
    {
        _slab.Dispose();
        _fineSpectrum?.Dispose();
        _croppedSpectrum?.Dispose();
        _croppedPlanes?.Dispose();
    }
}
