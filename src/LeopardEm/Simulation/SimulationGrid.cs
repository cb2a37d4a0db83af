namespace LeopardEm.Simulation;

/// <summary>
/// The grids of a template simulation: the final cubic N³ volume at <see cref="PixelSize"/> Å, and the finer grid of
/// <see cref="UpsampledSize"/>³ voxels at <see cref="UpsampledPixelSize"/> Å on which atoms are integrated before
/// Fourier cropping. Å position 0 is the centre of voxel N/2 of the final grid and of voxel N·u/2 of the fine grid.
/// </summary>
public sealed record SimulationGrid
{
    // ttsim3d's limit on the upsampled edge length when choosing the factor automatically.
    private const int AutomaticLimit = 1536;

    private SimulationGrid(double pixelSize, int size, int upsampling)
    {
        PixelSize = pixelSize;
        Size = size;
        Upsampling = upsampling;
    }

    /// <summary>Voxel size of the final volume in Å.</summary>
    public double PixelSize { get; }

    /// <summary>Edge length N of the final cubic volume in voxels (even).</summary>
    public int Size { get; }

    /// <summary>Oversampling factor u ≥ 1.</summary>
    public int Upsampling { get; }

    /// <summary>Voxel size of the fine grid, <c>PixelSize / u</c>, in Å.</summary>
    public double UpsampledPixelSize => PixelSize / Upsampling;

    /// <summary>Edge length of the fine grid, <c>N·u</c>, in voxels.</summary>
    public int UpsampledSize => Size * Upsampling;

    /// <summary>ttsim3d's automatic factor: 4 when the pixel is larger than 1.5 Å and 4N &lt; 1536; 2 when it is in
    /// (0.75, 1.5] Å and 2N &lt; 1536; otherwise 1.</summary>
    /// <param name="pixelSize">Final voxel size in Å.</param>
    /// <param name="size">Final edge length in voxels.</param>
    public static int AutomaticUpsampling(double pixelSize, int size) =>
        pixelSize > 1.5 && 4L * size < AutomaticLimit ? 4
        : pixelSize > 0.75 && pixelSize <= 1.5 && 2L * size < AutomaticLimit ? 2
        : 1;

    /// <summary>Creates the grids.</summary>
    /// <param name="pixelSize">Final voxel size in Å (&gt; 0).</param>
    /// <param name="size">Final edge length in voxels (even, ≥ 2).</param>
    /// <param name="upsampling">Factor ≥ 1, or −1 for <see cref="AutomaticUpsampling"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range, or the fine grid would exceed the
    /// 2³¹-element limit of one transform.</exception>
    public static SimulationGrid Create(double pixelSize, int size, int upsampling)
    {
        if (!(pixelSize > 0) || !double.IsFinite(pixelSize))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelSize), pixelSize, "The pixel size must be a positive number of Å.");
        }

        if (size < 2 || size % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The box size must be even and at least 2.");
        }

        var u = upsampling == -1 ? AutomaticUpsampling(pixelSize, size) : upsampling;
        if (u < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(upsampling), upsampling, "The upsampling factor must be -1 (automatic) or at least 1.");
        }

        // The fine grid is Fourier-cropped one (u·N) x N x N slab at a time; that slab is one transform.
        if ((long)u * size * size * size > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(upsampling), upsampling,
                $"A {size}³ box upsampled {u}x needs a {(long)u * size} x {size} x {size} transform, more than 2^31 voxels; use a smaller box or upsampling.");
        }

        return new SimulationGrid(pixelSize, size, u);
    }
}
