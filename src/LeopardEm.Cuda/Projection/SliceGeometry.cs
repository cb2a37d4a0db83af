using LeopardEm.Projection;

namespace LeopardEm.Cuda.Projection;

/// <summary>Constants of central-slice extraction for an N³ template, computed as
/// <see cref="FourierSlicer"/> computes them (float32), passed to the kernel by value.</summary>
internal readonly struct SliceGeometry
{
    /// <summary>Template edge N, voxels.</summary>
    public readonly int Size;

    /// <summary>N/2 + 1.</summary>
    public readonly int HalfWidth;

    /// <summary>(N − 1)/(1 − 1/N): frequency (cycles/voxel) + 0.5 to a z or y array coordinate.</summary>
    public readonly float ScaleZy;

    /// <summary>2·(N/2): frequency to an x array coordinate.</summary>
    public readonly float ScaleX;

    /// <summary>1 for <see cref="SliceConvention.Exact"/> (frequencies on the x' = 0 plane sampled on it), 0 for
    /// <see cref="SliceConvention.Leopard"/>.</summary>
    public readonly int ExactZeroPlane;

    /// <summary>The constants for an <paramref name="size"/>³ template.</summary>
    public SliceGeometry(int size, SliceConvention convention)
    {
        Size = size;
        HalfWidth = size / 2 + 1;
        ScaleZy = (size - 1) / (1f - 1f / size);
        ScaleX = 2f * (HalfWidth - 1);
        ExactZeroPlane = convention == SliceConvention.Exact ? 1 : 0;
    }

    /// <summary>Complex values of one slice, N·(N/2+1).</summary>
    public int Length => Size * HalfWidth;
}
