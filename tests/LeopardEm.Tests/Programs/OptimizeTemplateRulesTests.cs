using LeopardEm.Programs;

namespace LeopardEm.Tests.Programs;

/// <summary>The scoring and stopping rules of optimize_template (spec other_programs §4.2–4.3, §9).</summary>
public class OptimizeTemplateRulesTests
{
    private static readonly float[] ZScores = [12, 9, 8, 7.5f, 3, float.NaN, float.PositiveInfinity];

    [Fact]
    public void By_default_particles_at_or_above_z_8_are_averaged()
    {
        Assert.Equal(((12 + 9 + 8) / 3.0, 3), TemplateScore.Of(ZScores, null, null));
    }

    [Fact]
    public void Without_any_particle_above_the_threshold_all_finite_ones_are_averaged()
    {
        Assert.Equal(((7.5 + 3) / 2, 2), TemplateScore.Of([7.5f, 3, float.NaN], null, null));
        Assert.Equal((double.NaN, 0), TemplateScore.Of([float.NaN, float.NegativeInfinity], null, null));
    }

    [Fact]
    public void Min_snr_replaces_the_threshold_and_best_n_keeps_the_largest()
    {
        Assert.Equal(((12 + 9 + 8 + 7.5) / 4, 4), TemplateScore.Of(ZScores, 7, null));
        // best_n alone: no threshold, the n largest finite values.
        Assert.Equal(((12 + 9) / 2.0, 2), TemplateScore.Of(ZScores, null, 2));
        Assert.Equal(((12 + 9 + 8 + 7.5 + 3) / 5, 5), TemplateScore.Of(ZScores, null, 10));
        // Both: threshold first (falling back to all when none passes), then the n largest.
        Assert.Equal(((12 + 9) / 2.0, 2), TemplateScore.Of(ZScores, 8.5, 5));
        Assert.Equal(((7.5 + 3) / 2, 2), TemplateScore.Of([7.5f, 3, 1], 20, 2));
    }

    [Fact]
    public void A_pass_stops_after_the_threshold_of_consecutive_non_increases()
    {
        double[] scores = [1, 3, 5, 4, 6, 6, 2, 9];
        var evaluated = new List<double>();

        var results = EarlyStopping.Scan(Enumerable.Range(0, scores.Length), i => { evaluated.Add(scores[i]); return scores[i]; }, s => s, 2);

        // 5 → 4 falls once; 4 → 6 resets; 6 → 6 (a tie) and 6 → 2 are two in a row: stop before 9.
        Assert.Equal([1, 3, 5, 4, 6, 6, 2], results);
        Assert.Equal(results, evaluated);
        Assert.Equal(6, EarlyStopping.Best(results, s => s));
        Assert.Equal([1, 3, 5, 4], EarlyStopping.Scan(scores, s => s, s => s, 1));
    }

    [Fact]
    public void Comparisons_with_nan_count_as_falls_and_nan_never_wins()
    {
        // As upstream: NaN is not higher than 3, and 5 is not higher than NaN, so the pass stops there.
        double[] scores = [3, double.NaN, 5, 1, 0];

        var results = EarlyStopping.Scan(scores, s => s, s => s, 2);

        Assert.Equal([3, double.NaN, 5], results);
        Assert.Equal(5, EarlyStopping.Best(results, s => s));
        Assert.Equal(0, EarlyStopping.Best(new[] { double.NaN }, s => s));
    }

    [Fact]
    public void B_factor_ranges_include_their_end_and_parse_from_min_max_step()
    {
        Assert.Equal([0.0, 10, 20, 30], new BFactorScan(0, 30, 10).Values());
        Assert.Equal([-20.0, -7.5, 5], new BFactorScan(-20, 10, 12.5).Values());
        Assert.Equal([0.1, 0.2, 0.3], new BFactorScan(0.1, 0.3, 0.1).Values());
        Assert.Equal(new BFactorScan(-10, 100, 5), BFactorScan.TryParse("-10:100:5"));
        Assert.Null(BFactorScan.TryParse("0:100"));
        Assert.Null(BFactorScan.TryParse("0:a:5"));
        Assert.Contains("step must be positive", new BFactorScan(0, 10, 0).Problem());
        Assert.Contains("below the smallest", new BFactorScan(10, 0, 1).Problem());
        Assert.Null(new BFactorScan(5, 5, 1).Problem());
    }
}
