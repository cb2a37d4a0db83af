namespace LeopardEm.Orientations;

/// <summary>
/// A 3×3 rotation matrix in float32 for the search loop, row-major, same convention as <see cref="RotationMatrix"/>.
/// Built by rounding the double-precision matrix, so each element is within half a float32 ulp of the exact value;
/// upstream (roma in float32 on the GPU) differs from this by about 1e-7.
/// </summary>
/// <param name="M00">Row 0, column 0.</param>
/// <param name="M01">Row 0, column 1.</param>
/// <param name="M02">Row 0, column 2.</param>
/// <param name="M10">Row 1, column 0.</param>
/// <param name="M11">Row 1, column 1.</param>
/// <param name="M12">Row 1, column 2.</param>
/// <param name="M20">Row 2, column 0.</param>
/// <param name="M21">Row 2, column 1.</param>
/// <param name="M22">Row 2, column 2.</param>
public readonly record struct RotationMatrixF(
    float M00, float M01, float M02,
    float M10, float M11, float M12,
    float M20, float M21, float M22)
{
    /// <summary>
    /// The float32 matrix for <paramref name="angles"/> (degrees, ZYZ intrinsic). Pass angles already rounded with
    /// <see cref="EulerAngles.RoundToSingle"/> to mirror upstream, which builds matrices from the float32 list.
    /// </summary>
    public static RotationMatrixF FromEuler(EulerAngles angles) => RotationMatrix.FromEuler(angles).ToSingle();

    /// <summary>Rotates the column vector (<paramref name="x"/>, <paramref name="y"/>, <paramref name="z"/>) in float32.</summary>
    public (float X, float Y, float Z) Apply(float x, float y, float z) => (
        M00 * x + M01 * y + M02 * z,
        M10 * x + M11 * y + M12 * z,
        M20 * x + M21 * y + M22 * z);

    /// <summary>Writes the nine elements row-major into <paramref name="destination"/> (at least 9 long).</summary>
    public void CopyTo(Span<float> destination)
    {
        if (destination.Length < 9)
        {
            throw new ArgumentException("A 3x3 matrix needs 9 elements.", nameof(destination));
        }

        destination[0] = M00;
        destination[1] = M01;
        destination[2] = M02;
        destination[3] = M10;
        destination[4] = M11;
        destination[5] = M12;
        destination[6] = M20;
        destination[7] = M21;
        destination[8] = M22;
    }

    /// <summary>The matrix widened to double precision.</summary>
    public RotationMatrix ToDouble() => new(M00, M01, M02, M10, M11, M12, M20, M21, M22);
}
