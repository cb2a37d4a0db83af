using LeopardEm.Peaks;

namespace LeopardEm.Tests.Peaks;

public class SymmetricEigen2x2Tests
{
    /// <summary>NumPy 1.24 <c>np.linalg.eig</c> on these matrices (values and eigenvector columns as printed).</summary>
    public static TheoryData<double, double, double, double[]> NumPyResults => new()
    {
        { 2, 1, 2, [3, 1, 0.70710678, 0.70710678, -0.70710678, 0.70710678] },
        { 1, 1, 2, [0.38196601, 2.61803399, -0.85065081, 0.52573111, -0.52573111, -0.85065081] },
        { 2, -1, 1, [2.61803399, 0.38196601, 0.85065081, -0.52573111, 0.52573111, 0.85065081] },
        { 1, -1, 2, [0.38196601, 2.61803399, -0.85065081, -0.52573111, 0.52573111, -0.85065081] },
        { 1.0, 0.9, 1.2, [0.19446149, 2.00553851, -0.74512802, 0.66692146, -0.66692146, -0.74512802] },
        { 3, 0, 1, [3, 1, 1, 0, 0, 1] },
        { 1, 0, 3, [1, 3, 1, 0, 0, 1] },
    };

    [Theory]
    [MemberData(nameof(NumPyResults))]
    public void Order_and_signs_match_numpy_eig(double a, double b, double c, double[] expected)
    {
        var e = SymmetricEigen2x2.Decompose(a, b, c);
        double[] actual = [e.Value0, e.Value1, e.U00, e.U10, e.U01, e.U11];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-8);
        }
    }

    [Fact]
    public void Random_matrices_are_decomposed_into_orthonormal_eigenvectors()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            double a = random.NextDouble() * 4 - 2, b = random.NextDouble() * 4 - 2, c = random.NextDouble() * 4 - 2;
            var e = SymmetricEigen2x2.Decompose(a, b, c);
            foreach (var (value, u0, u1) in new[] { (e.Value0, e.U00, e.U10), (e.Value1, e.U01, e.U11) })
            {
                Assert.Equal(value * u0, a * u0 + b * u1, 1e-12);
                Assert.Equal(value * u1, b * u0 + c * u1, 1e-12);
                Assert.Equal(1, u0 * u0 + u1 * u1, 1e-12);
            }

            Assert.Equal(0, e.U00 * e.U01 + e.U10 * e.U11, 1e-12);
        }
    }

    /// <summary>Spec §12.3 step 3: column 0 becomes the larger eigenvalue's vector (swapped when d[0] ≤ d[1]) and is
    /// negated when both its components are negative.</summary>
    [Fact]
    public void The_rules_put_the_major_axis_first_with_a_non_negative_component()
    {
        // d = (1, 3): swapped; the major vector (-0.6, -0.8) is negated to (0.6, 0.8), so w = atan2(0.8, 0.6).
        var model = AnisotropicGaussian.FromEigen(new SymmetricEigen2x2(1, 3, 0.8, -0.6, -0.6, -0.8));
        Assert.Equal(Math.Sqrt(3), model.A, 1e-15);
        Assert.Equal(1, model.B, 1e-15);
        Assert.Equal(Math.Atan2(0.8, 0.6), model.W, 1e-15);

        // d = (3, 1): kept; (−0.6, 0.8) has one negative component and is kept as it is.
        Assert.Equal(Math.Atan2(0.8, -0.6), AnisotropicGaussian.FromEigen(new SymmetricEigen2x2(3, 1, -0.6, 0.8, 0.8, 0.6)).W, 1e-15);

        // Equal eigenvalues count as d[0] ≤ d[1]: swapped.
        Assert.Equal(Math.Atan2(1, 0), AnisotropicGaussian.FromEigen(new SymmetricEigen2x2(2, 2, 1, 0, 0, 1)).W, 1e-15);
    }

    /// <summary>Another sign or order of the eigenvectors (another LAPACK) must not change any p-value: w moves by π,
    /// which leaves sin 2w and r² unchanged.</summary>
    [Fact]
    public void P_values_do_not_depend_on_eigenvector_signs_or_order()
    {
        var e = SymmetricEigen2x2.Decompose(1.0, 0.37, 1.0);
        var variants = new[]
        {
            e,
            e with { U00 = -e.U00, U10 = -e.U10 },
            e with { U01 = -e.U01, U11 = -e.U11 },
            new SymmetricEigen2x2(e.Value1, e.Value0, e.U01, e.U11, e.U00, e.U10),
            new SymmetricEigen2x2(e.Value1, e.Value0, -e.U01, -e.U11, e.U00, e.U10),
        }.Select(AnisotropicGaussian.FromEigen).ToList();
        foreach (var (x1, x2) in new[] { (2.5, 3.1), (0.3, 4.0), (3.9, 0.1), (1.0, 1.0) })
        {
            var reference = variants[0].NegativeLogP(x1, x2, PValueQuadrant.First);
            Assert.All(variants, v => Assert.Equal(reference, v.NegativeLogP(x1, x2, PValueQuadrant.First), 1e-12));
        }
    }
}
