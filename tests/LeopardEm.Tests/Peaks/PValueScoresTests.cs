using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Peaks;
using LeopardEm.Tests.TestData;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace LeopardEm.Tests.Peaks;

public class PValueScoresTests
{
    private const string Golden = "golden/leopard-em-1/leopard-em-output";

    [Fact]
    public void Planted_particles_are_found()
    {
        (int Y, int X)[] planted = [(20, 30), (64, 64), (100, 15), (110, 110), (40, 95)];
        var maps = SyntheticScoreMaps.Noise(128, 128, seed: 3).Plant(planted, 9f);

        var peaks = PValueScores.Compute(maps.Mip, maps.ZScores).FindPeaks();

        Assert.All(planted, p => Assert.Contains(peaks, q => (q.Y, q.X) == p));
        Assert.True(peaks.Take(planted.Length).All(q => planted.Contains((q.Y, q.X))), "planted particles must score highest");
    }

    /// <summary>
    /// Under the null model the probits are bivariate normal and p is the Gaussian mass beyond a pixel's ellipse in
    /// its quadrant, so P(s &gt; S) = P(p &lt; e^−S) = e^−S per pixel. 20 noise maps of 128² pixels at S = 5 expect
    /// about 2,200 exceedances (Poisson s.d. 2 %), at S = 8 (Leopard-EM's default) about 220 over 40 maps (s.d. 7 %);
    /// ±10 % and ±25 % (about 4.5 and 3.5 s.d.) leave room for the fitted covariance while catching any wrong factor
    /// in γ or r² (a factor 2 in γ would move the rate by 100 %).
    /// </summary>
    [Theory]
    [InlineData(5.0, 20, 0.10, 0.6)]
    [InlineData(8.0, 40, 0.25, 0.6)]
    [InlineData(5.0, 20, 0.10, 0.2)]
    public void The_per_pixel_false_positive_rate_is_exp_of_minus_the_cutoff(double cutoff, int maps, double tolerance, double rho)
    {
        long exceedances = 0, pixels = 0;
        for (var seed = 0; seed < maps; seed++)
        {
            var noise = SyntheticScoreMaps.Noise(128, 128, seed: 100 + seed, rho: rho);
            var scores = PValueScores.Compute(noise.Mip, noise.ZScores).NegativeLogP.Data;
            exceedances += scores.Count(s => s > cutoff);
            pixels += scores.Length;
        }

        var rate = (double)exceedances / pixels;
        Assert.InRange(rate / Math.Exp(-cutoff), 1 - tolerance, 1 + tolerance);
    }

    /// <summary>With an even pixel count n, a probit is positive exactly for the values above the (n/2)-th smallest,
    /// so the quadrants can be checked on the maps themselves.</summary>
    [Fact]
    public void Only_pixels_inside_the_quadrant_score_above_zero()
    {
        var noise = SyntheticScoreMaps.Noise(64, 64, seed: 5);
        var first = PValueScores.Compute(noise.Mip, noise.ZScores, PValueQuadrant.First).NegativeLogP;
        var three = PValueScores.Compute(noise.Mip, noise.ZScores, PValueQuadrant.Three).NegativeLogP;
        var zHalf = LowerMedian(noise.ZScores.Data);
        var mipHalf = LowerMedian(noise.Mip.Data);
        for (var i = 0; i < first.Data.Length; i++)
        {
            var zAbove = noise.ZScores.Data[i] > zHalf;
            var mipAbove = noise.Mip.Data[i] > mipHalf;
            Assert.Equal(zAbove && mipAbove, first.Data[i] > 0);
            Assert.Equal(zAbove || mipAbove, three.Data[i] > 0);
        }
    }

    /// <summary>
    /// Leopard-EM's golden maps scored by a plain transcription of spec §12.3 (LINQ ranks, MathNet's general
    /// eigen-decomposition, p then −ln p, the pairwise suppression of §12.1) give the same picks, in the same order,
    /// with the same −ln p (to float32 rounding). They are also the nine particles Leopard-EM's z-score picking found.
    /// </summary>
    [SharedDataFact(Golden + "/output_scaled_mip.mrc")]
    public void Golden_maps_give_the_picks_of_a_reference_transcription_of_the_spec()
    {
        var mip = MrcReader.ReadImage(SharedData.Find(Golden + "/output_mip.mrc")!);
        var z = MrcReader.ReadImage(SharedData.Find(Golden + "/output_scaled_mip.mrc")!);

        var peaks = PValueScores.Compute(mip, z).FindPeaks(8.0, 5.0);
        var reference = ReferencePicks(mip, z, 8.0, 5.0);

        Assert.Equal(reference.Select(r => (r.Y, r.X)), peaks.Select(p => (p.Y, p.X)));
        Assert.All(peaks.Zip(reference), pair => Assert.Equal(pair.Second.S, pair.First.ZScore, 1e-5 * pair.Second.S));

        var leopard = File.ReadLines(SharedData.Find(Golden + "/results.csv")!).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (Y: int.Parse(f[8]), X: int.Parse(f[7])));
        Assert.Equal(leopard.Order(), peaks.Select(p => (p.Y, p.X)).Order());
    }

    private static List<(int Y, int X, double S)> ReferencePicks(Image2D mip, Image2D z, double cutoff, double radius)
    {
        var x1 = Probit(z.Data);
        var x2 = Probit(mip.Data);
        var n = x1.Length;
        var c = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { x1.Zip(x1).Sum(p => p.First * p.Second) / n, x1.Zip(x2).Sum(p => p.First * p.Second) / n },
            { x1.Zip(x2).Sum(p => p.First * p.Second) / n, x2.Zip(x2).Sum(p => p.First * p.Second) / n },
        });
        var evd = c.Evd();
        var d = evd.EigenValues.Select(v => v.Real).ToArray();
        var u = evd.EigenVectors.Clone();
        var a = Math.Sqrt(d.Max());
        var b = Math.Sqrt(d.Min());
        if (d[0] <= d[1])
        {
            u = Matrix<double>.Build.DenseOfColumnVectors(u.Column(1), u.Column(0));
        }

        if (u[1, 0] < 0 && u[0, 0] < 0)
        {
            u.SetColumn(0, -u.Column(0));
        }

        var w = Math.Atan2(u[1, 0], u[0, 0]);
        var gamma = Math.Atan2(1, 0.5 * Math.Sin(2 * w) * (b / a - a / b));
        var s = new double[n];
        for (var i = 0; i < n; i++)
        {
            var x0 = Math.Cos(w) * x1[i] + Math.Sin(w) * x2[i];
            var x1r = -Math.Sin(w) * x1[i] + Math.Cos(w) * x2[i];
            var r2 = Math.Pow(x0 / a, 2) + Math.Pow(x1r / b, 2);
            var p = x1[i] > 0 && x2[i] > 0 ? Math.Exp(-r2 / 2) * gamma / (2 * Math.PI) : 1;
            s[i] = -Math.Log(p);
        }

        var candidates = Enumerable.Range(0, n).Where(i => s[i] > cutoff).OrderByDescending(i => s[i]).ToList();
        var taken = new bool[candidates.Count];
        var picks = new List<(int Y, int X, double S)>();
        for (var k = 0; k < candidates.Count; k++)
        {
            if (taken[k])
            {
                continue;
            }

            var (y, x) = (candidates[k] / z.Width, candidates[k] % z.Width);
            picks.Add((y, x, s[candidates[k]]));
            for (var j = 0; j < candidates.Count; j++)
            {
                if (Math.Sqrt(Math.Pow(candidates[j] / z.Width - y, 2) + Math.Pow(candidates[j] % z.Width - x, 2)) < radius)
                {
                    taken[j] = true;
                }
            }
        }

        return picks;
    }

    private static double[] Probit(float[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var probit = new double[values.Length];
        for (var rank = 1; rank <= order.Length; rank++)
        {
            probit[order[rank - 1]] = Normal.InvCDF(0, 1, (rank - 0.5) / values.Length);
        }

        return probit;
    }

    private static float LowerMedian(float[] values) => values.Order().ElementAt(values.Length / 2 - 1);
}
