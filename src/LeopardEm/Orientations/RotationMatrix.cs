namespace LeopardEm.Orientations;

/// <summary>
/// A 3×3 rotation matrix in double precision, row-major: <c>Mrc</c> is row r, column c. Applied to column vectors
/// (<c>v' = M · v</c>) with components ordered (x, y, z). Active, right-handed: <see cref="RotationZ"/> of +90 degrees
/// maps +x onto +y.
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
public readonly record struct RotationMatrix(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    // roma's gimbal-lock threshold on theta, in radians.
    private const double GimbalEpsilon = 1e-7;

    /// <summary>The identity matrix.</summary>
    public static RotationMatrix Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>Element at <paramref name="row"/>, <paramref name="column"/> (both 0..2).</summary>
    public double this[int row, int column] => (row, column) switch
    {
        (0, 0) => M00,
        (0, 1) => M01,
        (0, 2) => M02,
        (1, 0) => M10,
        (1, 1) => M11,
        (1, 2) => M12,
        (2, 0) => M20,
        (2, 1) => M21,
        (2, 2) => M22,
        _ => throw new ArgumentOutOfRangeException(nameof(row), $"({row}, {column}) is outside a 3x3 matrix."),
    };

    /// <summary>Determinant (+1 for a proper rotation).</summary>
    public double Determinant =>
        M00 * (M11 * M22 - M12 * M21)
        - M01 * (M10 * M22 - M12 * M20)
        + M02 * (M10 * M21 - M11 * M20);

    /// <summary>
    /// Active right-handed rotation about z by <paramref name="degrees"/>:
    /// <c>[[cos a, −sin a, 0], [sin a, cos a, 0], [0, 0, 1]]</c>.
    /// </summary>
    public static RotationMatrix RotationZ(double degrees)
    {
        (double s, double c) = Math.SinCos(Angles.DegToRad(degrees));
        return new(c, -s, 0, s, c, 0, 0, 0, 1);
    }

    /// <summary>
    /// Active right-handed rotation about x by <paramref name="degrees"/>:
    /// <c>[[1, 0, 0], [0, cos a, −sin a], [0, sin a, cos a]]</c>.
    /// </summary>
    public static RotationMatrix RotationX(double degrees)
    {
        (double s, double c) = Math.SinCos(Angles.DegToRad(degrees));
        return new(1, 0, 0, 0, c, -s, 0, s, c);
    }

    /// <summary>
    /// Active right-handed rotation about y by <paramref name="degrees"/>:
    /// <c>[[cos b, 0, sin b], [0, 1, 0], [−sin b, 0, cos b]]</c>.
    /// </summary>
    public static RotationMatrix RotationY(double degrees)
    {
        (double s, double c) = Math.SinCos(Angles.DegToRad(degrees));
        return new(c, 0, s, 0, 1, 0, -s, 0, c);
    }

    /// <summary>
    /// <c>Rz(phi) · Ry(theta) · Rz(psi)</c> for angles in degrees (spec §6.1), expanded in closed form. Not transposed
    /// or inverted: this is the matrix upstream hands to the slice extractor.
    /// </summary>
    /// <param name="angles">ZYZ intrinsic Euler angles in degrees.</param>
    public static RotationMatrix FromEuler(EulerAngles angles)
    {
        (double sf, double cf) = Math.SinCos(Angles.DegToRad(angles.Phi));
        (double st, double ct) = Math.SinCos(Angles.DegToRad(angles.Theta));
        (double sp, double cp) = Math.SinCos(Angles.DegToRad(angles.Psi));
        return new(
            cf * ct * cp - sf * sp, -cf * ct * sp - sf * cp, cf * st,
            sf * ct * cp + cf * sp, -sf * ct * sp + cf * cp, sf * st,
            -st * cp, st * sp, ct);
    }

    /// <summary>Matrix product <c>left · right</c> (apply <paramref name="right"/> first).</summary>
    public static RotationMatrix operator *(in RotationMatrix left, in RotationMatrix right) => left.Multiply(right);

    /// <summary>Matrix product <c>this · right</c> (apply <paramref name="right"/> first).</summary>
    public RotationMatrix Multiply(in RotationMatrix right) => new(
        M00 * right.M00 + M01 * right.M10 + M02 * right.M20,
        M00 * right.M01 + M01 * right.M11 + M02 * right.M21,
        M00 * right.M02 + M01 * right.M12 + M02 * right.M22,
        M10 * right.M00 + M11 * right.M10 + M12 * right.M20,
        M10 * right.M01 + M11 * right.M11 + M12 * right.M21,
        M10 * right.M02 + M11 * right.M12 + M12 * right.M22,
        M20 * right.M00 + M21 * right.M10 + M22 * right.M20,
        M20 * right.M01 + M21 * right.M11 + M22 * right.M21,
        M20 * right.M02 + M21 * right.M12 + M22 * right.M22);

    /// <summary>The transpose, which is the inverse rotation.</summary>
    public RotationMatrix Transpose() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    /// <summary>Rotates the column vector (<paramref name="x"/>, <paramref name="y"/>, <paramref name="z"/>).</summary>
    public (double X, double Y, double Z) Apply(double x, double y, double z) => (
        M00 * x + M01 * y + M02 * z,
        M10 * x + M11 * y + M12 * z,
        M20 * x + M21 * y + M22 * z);

    /// <summary>Largest absolute element of <c>M · Mᵀ − I</c>; about 1e-16 for a matrix built from angles.</summary>
    public double OrthonormalityError()
    {
        RotationMatrix p = Multiply(Transpose());
        return p.MaxAbsDifference(Identity);
    }

    /// <summary>Largest absolute element-wise difference from <paramref name="other"/>.</summary>
    public double MaxAbsDifference(in RotationMatrix other)
    {
        double d = Math.Abs(M00 - other.M00);
        d = Math.Max(d, Math.Abs(M01 - other.M01));
        d = Math.Max(d, Math.Abs(M02 - other.M02));
        d = Math.Max(d, Math.Abs(M10 - other.M10));
        d = Math.Max(d, Math.Abs(M11 - other.M11));
        d = Math.Max(d, Math.Abs(M12 - other.M12));
        d = Math.Max(d, Math.Abs(M20 - other.M20));
        d = Math.Max(d, Math.Abs(M21 - other.M21));
        return Math.Max(d, Math.Abs(M22 - other.M22));
    }

    /// <summary>
    /// The geodesic distance to <paramref name="other"/> on SO(3) in degrees, 0 to 180: the angle of the relative
    /// rotation <c>D = thisᵀ · other</c>, from <c>atan2(|axial part of D|, trace(D) − 1)</c>, which stays accurate for
    /// small angles where <c>acos</c> does not. Symmetry is not taken into account.
    /// </summary>
    public double AngleTo(in RotationMatrix other)
    {
        RotationMatrix d = Transpose().Multiply(other);
        double x = d.M21 - d.M12, y = d.M02 - d.M20, z = d.M10 - d.M01;
        return Angles.RadToDeg(Math.Atan2(Math.Sqrt(x * x + y * y + z * z), d.M00 + d.M11 + d.M22 - 1));
    }

    /// <summary>The nine elements, row-major.</summary>
    public double[] ToArray() => [M00, M01, M02, M10, M11, M12, M20, M21, M22];

    /// <summary>The elements rounded to float32 (see <see cref="RotationMatrixF"/>).</summary>
    public RotationMatrixF ToSingle() => new(
        (float)M00, (float)M01, (float)M02,
        (float)M10, (float)M11, (float)M12,
        (float)M20, (float)M21, (float)M22);

    /// <summary>
    /// ZYZ intrinsic Euler angles in degrees with <c>FromEuler(ToEuler()) ≈ this</c>, following roma's
    /// <c>rotmat_to_euler("ZYZ")</c> (SciPy's quaternion algorithm): theta in [0, 180], phi and psi in [-180, 180].
    /// When theta is within 1e-7 rad of 0 or 180 degrees (gimbal lock) psi is set to 0 and phi carries the whole
    /// z rotation, so the result is deterministic. The input should be a proper rotation (det +1, orthonormal).
    /// </summary>
    public EulerAngles ToEuler()
    {
        (double qx, double qy, double qz, double qw) = ToQuaternion();

        // Working through half angles of a quaternion keeps phi ± psi well conditioned near the poles, where the
        // matrix elements that separate phi from psi are tiny.
        double a = qw, b = qz, c = qy, d = -qx;
        double theta = 2 * Math.Atan2(Hypot(c, d), Hypot(a, b));
        double halfSum = Math.Atan2(b, a);
        double halfDiff = Math.Atan2(d, c);
        double phi = halfSum + halfDiff;
        double psi = halfSum - halfDiff;
        if (Math.Abs(theta) <= GimbalEpsilon)
        {
            phi = 2 * halfSum;
            psi = 0;
        }
        else if (Math.Abs(theta - Math.PI) <= GimbalEpsilon)
        {
            phi = 2 * halfDiff;
            psi = 0;
        }

        return new(Angles.RadToDeg(WrapPi(phi)), Angles.RadToDeg(WrapPi(theta)), Angles.RadToDeg(WrapPi(psi)));
    }

    // Unit quaternion (x, y, z, w) by the branch-on-largest-diagonal method (SciPy from_matrix / roma
    // rotmat_to_unitquat); ties go to the first candidate, like argmax.
    private (double X, double Y, double Z, double W) ToQuaternion()
    {
        double trace = M00 + M11 + M22;
        Span<double> decision = [M00, M11, M22, trace];
        int choice = 0;
        for (int i = 1; i < 4; i++)
        {
            if (decision[i] > decision[choice])
            {
                choice = i;
            }
        }

        Span<double> q = stackalloc double[4];
        if (choice != 3)
        {
            int i = choice, j = (i + 1) % 3, k = (j + 1) % 3;
            q[i] = 1 - trace + 2 * this[i, i];
            q[j] = this[j, i] + this[i, j];
            q[k] = this[k, i] + this[i, k];
            q[3] = this[k, j] - this[j, k];
        }
        else
        {
            q[0] = M21 - M12;
            q[1] = M02 - M20;
            q[2] = M10 - M01;
            q[3] = 1 + trace;
        }

        double norm = Math.Sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        return (q[0] / norm, q[1] / norm, q[2] / norm, q[3] / norm);
    }

    private static double Hypot(double a, double b) => Math.Sqrt(a * a + b * b);

    private static double WrapPi(double radians)
    {
        if (radians < -Math.PI)
        {
            return radians + 2 * Math.PI;
        }

        return radians > Math.PI ? radians - 2 * Math.PI : radians;
    }
}
