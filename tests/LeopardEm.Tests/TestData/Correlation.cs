namespace LeopardEm.Tests.TestData;

/// <summary>Similarity of two sampled signals.</summary>
public static class Correlation
{
    /// <summary>Pearson correlation coefficient of two equally long sample sets (double accumulation).</summary>
    public static double Pearson(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new ArgumentException($"Expected two non-empty signals of equal length, got {a.Length} and {b.Length}.");
        }

        double meanA = 0, meanB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }

        meanA /= a.Length;
        meanB /= b.Length;
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            double da = a[i] - meanA, db = b[i] - meanB;
            ab += da * db;
            aa += da * da;
            bb += db * db;
        }

        return ab / Math.Sqrt(aa * bb);
    }
}
