namespace LeopardEm.Peaks;

/// <summary>
/// Eigen-decomposition of a real symmetric 2 x 2 matrix <c>[[A, B], [B, C]]</c> in the order and with the signs
/// NumPy's <c>linalg.eig</c> (LAPACK <c>dgeev</c>) returns them, which the p-value metric's rules are written for
/// (spec §12.3 step 2). LAPACK's 2 x 2 Schur step (<c>dlanv2</c>) rotates by the Givens pair
/// <c>(cs, sn) = (z, B)/‖(z, B)‖</c> with <c>p = (A − C)/2</c> and <c>z = p + sign(p)·√(p² + B²)</c> (sign(0) = +):
/// the first eigenvalue is <c>C + z</c> (the larger one when <c>A ≥ C</c>, the smaller otherwise), with
/// eigenvector <c>(cs, sn)</c>; the second is <c>C − B²/z</c> with eigenvector <c>(−sn, cs)</c>. A diagonal matrix
/// keeps its diagonal order and the identity vectors.
/// </summary>
/// <param name="Value0">First eigenvalue.</param>
/// <param name="Value1">Second eigenvalue.</param>
/// <param name="U00">Eigenvector matrix element [0, 0] (first vector, first component).</param>
/// <param name="U10">Element [1, 0] (first vector, second component).</param>
/// <param name="U01">Element [0, 1] (second vector, first component).</param>
/// <param name="U11">Element [1, 1] (second vector, second component).</param>
public readonly record struct SymmetricEigen2x2(double Value0, double Value1, double U00, double U10, double U01, double U11)
{
    /// <summary>Decomposes <c>[[a, b], [b, c]]</c>.</summary>
    /// <param name="a">Element [0, 0].</param>
    /// <param name="b">Off-diagonal element.</param>
    /// <param name="c">Element [1, 1].</param>
    public static SymmetricEigen2x2 Decompose(double a, double b, double c)
    {
        if (b == 0)
        {
            return new SymmetricEigen2x2(a, c, 1, 0, 0, 1);
        }

        var p = 0.5 * (a - c);
        var z = p + CopySignNonNegativeZero(double.Hypot(p, b), p);
        var tau = double.Hypot(z, b);
        var cs = z / tau;
        var sn = b / tau;
        return new SymmetricEigen2x2(c + z, c - b / z * b, cs, sn, -sn, cs);
    }

    // Fortran SIGN(x, y): |x| with the sign of y, where y = 0 counts as positive.
    private static double CopySignNonNegativeZero(double magnitude, double sign) => sign >= 0 ? magnitude : -magnitude;
}
