using LeopardEm.Orientations;

namespace LeopardEm.Cuda.Projection;

/// <summary>Rotations in the layout the slice kernel reads: row-major 3x3 float32 matrices, 9 floats apart.</summary>
internal static class RotationPacking
{
    /// <summary>The matrices of <paramref name="rotations"/>, consecutive.</summary>
    public static float[] Pack(IReadOnlyList<RotationMatrixF> rotations)
    {
        var packed = new float[9L * rotations.Count];
        for (var i = 0; i < rotations.Count; i++)
        {
            rotations[i].CopyTo(packed.AsSpan(9 * i, 9));
        }

        return packed;
    }
}
