using System.Numerics;

namespace LeopardEm.Io;

/// <summary>Optional settings for <see cref="MrcWriter"/>. The defaults reproduce the maps Leopard-EM writes: float32,
/// voxel size 0 (cell dimensions 0), origin 0, no labels beyond the creator label.</summary>
public sealed record MrcWriteOptions
{
    /// <summary>The defaults.</summary>
    public static MrcWriteOptions Default { get; } = new();

    /// <summary>Voxel size in Å per axis (x, y, z), stored as CELLA = dimensions × voxel size. Zero means unknown
    /// and is what Leopard-EM writes; negative or non-finite values are rejected.</summary>
    public Vector3 VoxelSize { get; init; }

    /// <summary>ORIGIN in Å (x, y, z); must be finite.</summary>
    public Vector3 Origin { get; init; }

    /// <summary>Text labels stored after the creator label: at most 9, each at most 80 printable ASCII
    /// characters.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary><see cref="MrcMode.Float32"/> (default, lossless) or <see cref="MrcMode.Float16"/> (half the size,
    /// about 3 significant digits, range ±65504).</summary>
    public MrcMode Mode { get; init; } = MrcMode.Float32;
}
