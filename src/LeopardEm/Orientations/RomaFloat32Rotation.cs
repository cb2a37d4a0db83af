namespace LeopardEm.Orientations;

/// <summary>
/// Euler angles to a rotation matrix the way Leopard-EM computes it on the GPU: roma's <c>euler_to_rotmat("ZYZ")</c>
/// in float32, i.e. one unit quaternion per axis from its rotation vector, Hamilton products (XYZW), normalisation and
/// the quaternion-to-matrix formula, every step rounded to float32. It differs from the exact matrix by ~1e-7; see
/// <c>SliceConvention.Leopard</c> for why that matters.
/// </summary>
public static class RomaFloat32Rotation
{
    // torch.deg2rad multiplies a float32 tensor by π/180 rounded to float32.
    private const float DegreesToRadians = (float)(Math.PI / 180);

    /// <summary>The float32 matrix of <paramref name="angles"/> (degrees, ZYZ intrinsic), as roma computes it.</summary>
    public static RotationMatrixF FromEuler(EulerAngles angles)
    {
        var q = Product(
            Product(AxisQuaternion((float)angles.Phi * DegreesToRadians, 2), AxisQuaternion((float)angles.Theta * DegreesToRadians, 1)),
            AxisQuaternion((float)angles.Psi * DegreesToRadians, 2));
        var norm = MathF.Sqrt(q.X * q.X + q.Y * q.Y + q.Z * q.Z + q.W * q.W);
        float x = q.X / norm, y = q.Y / norm, z = q.Z / norm, w = q.W / norm;
        float x2 = x * x, y2 = y * y, z2 = z * z, w2 = w * w;
        float xy = x * y, zw = z * w, xz = x * z, yw = y * w, yz = y * z, xw = x * w;
        return new RotationMatrixF(
            x2 - y2 - z2 + w2, 2 * (xy - zw), 2 * (xz + yw),
            2 * (xy + zw), -x2 + y2 - z2 + w2, 2 * (yz - xw),
            2 * (xz - yw), 2 * (yz + xw), -x2 - y2 + z2 + w2);
    }

    // roma.rotvec_to_unitquat for a rotation vector along one axis: xyz = sinc(|a|/2)/2 · a, w = cos(|a|/2), with its
    // Taylor branch for small angles.
    private static (float X, float Y, float Z, float W) AxisQuaternion(float angle, int axis)
    {
        var half = MathF.Sqrt(angle * angle) / 2;
        var sinc = half < 1e-3f ? 1 - half * half / 6 + half * half * half * half / 120 : MathF.Sin(half) / half;
        var component = sinc / 2 * angle;
        var w = MathF.Cos(half);
        return axis switch
        {
            0 => (component, 0, 0, w),
            1 => (0, component, 0, w),
            _ => (0, 0, component, w),
        };
    }

    // roma.quat_product (XYZW): vector = p.w·q.v + q.w·p.v + p.v × q.v; scalar = p.w·q.w − p.v·q.v.
    private static (float X, float Y, float Z, float W) Product((float X, float Y, float Z, float W) p, (float X, float Y, float Z, float W) q)
    {
        var cx = p.Y * q.Z - p.Z * q.Y;
        var cy = p.Z * q.X - p.X * q.Z;
        var cz = p.X * q.Y - p.Y * q.X;
        return (
            p.W * q.X + q.W * p.X + cx,
            p.W * q.Y + q.W * p.Y + cy,
            p.W * q.Z + q.W * p.Z + cz,
            p.W * q.W - (p.X * q.X + p.Y * q.Y + p.Z * q.Z));
    }
}
