using LeopardEm.Io;
using LeopardEm.Orientations;
using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.TestData;
using MathNet.Numerics;

namespace LeopardEm.Tests.Programs;

/// <summary>constrained_search on the synthetic complex: B, invisible to its own full search, is found next to every A
/// with the planted relative orientation and defocus.</summary>
[Collection(ConstrainedComplex.Collection)]
public class ConstrainedSearchJobTests(ConstrainedComplex complex)
{
    [Fact]
    public void Bs_own_full_search_does_not_find_B()
    {
        var maps = complex.SearchB.Maps;
        var threshold = ZScoreThreshold.FromFalsePositives(1, (long)maps.Height * maps.Width, maps.TotalCorrelations);
        // The highest z-score of the full search far (> 24 px) from every complex: noise.
        var noise = 0f;
        for (var y = 0; y < maps.Height; y++)
        {
            for (var x = 0; x < maps.Width; x++)
            {
                if (complex.Truth.All(t => Math.Max(Math.Abs(t.Y - y), Math.Abs(t.X - x)) > 24))
                {
                    noise = Math.Max(noise, maps.ScaledMip[y, x]);
                }
            }
        }

        foreach (var t in complex.Truth)
        {
            var nearB = Enumerable.Range(-2, 5).SelectMany(dy => Enumerable.Range(-2, 5).Select(dx => maps.ScaledMip[t.Y + dy, t.X + dx])).Max();
            Assert.True(nearB < threshold, $"B at ({t.X}, {t.Y}): full-search z {nearB} reaches the full search's threshold {threshold}");
            Assert.True(nearB <= noise, $"B at ({t.X}, {t.Y}): full-search z {nearB} stands above the noise maximum {noise}");
        }
    }

    [Fact]
    public void Finds_every_planted_B_with_its_relative_orientation_and_defocus()
    {
        var threshold = complex.Outcome.Threshold.ZScore;
        foreach (var t in complex.Truth)
        {
            var match = complex.MatchOf(t);
            var found = match.Found;
            var what = $"B at ({t.X}, {t.Y})";
            Assert.True(match.Refinement.ZScore > threshold, $"{what}: z {match.Refinement.ZScore} not above {threshold}");
            Assert.InRange(found.X - t.X, -2, 2);
            Assert.InRange(found.Y - t.Y, -2, 2);
            // The raw roll-grid offset is (roll + spin, tilt, 360 − roll).
            var spin = Math.IEEERemainder(match.RawOffset.Phi - ConstrainedComplex.RollAngle, 360);
            Assert.True(Math.Abs(match.RawOffset.Theta - t.Theta) <= ConstrainedComplex.FineStep, $"{what}: tilt {match.RawOffset.Theta}, planted {t.Theta}");
            Assert.True(Math.Abs(spin - t.Psi) <= ConstrainedComplex.FineStep, $"{what}: spin {spin}, planted {t.Psi}");
            var turned = match.Refinement.Orientation.ToMatrix().AngleTo(t.B);
            Assert.True(turned <= Math.Sqrt(2) * ConstrainedComplex.FineStep, $"{what}: orientation {turned} degrees from B's");
            Assert.True(Math.Abs(found.RelativeDefocus - t.BRelativeDefocus) <= ConstrainedComplex.DefocusStep,
                $"{what}: defocus {found.RelativeDefocus} Å, planted {t.BRelativeDefocus} Å");
        }

        Assert.Equal(complex.Truth.Count, complex.Outcome.AboveThreshold.Count);
    }

    [Fact]
    public void Bs_defocus_is_As_minus_the_depth_of_the_rotated_center_vector()
    {
        foreach (var match in complex.Outcome.Particles)
        {
            var a = match.Reference;
            var r = a.Orientation.ToMatrix();
            var c = complex.Center;
            // (Rᵀ c)_z: the third column of R dotted with c.
            var depth = r.M02 * c.X + r.M12 * c.Y + r.M22 * c.Z;
            Assert.Equal(depth, match.Depth, 1e-9);
            Assert.Equal(a.Ctf.DefocusU - depth, match.Start.Ctf.DefocusU, 1e-9);
            Assert.Equal(a.Ctf.DefocusV - depth, match.Start.Ctf.DefocusV, 1e-9);
            Assert.Equal(a.RelativeDefocus - depth + match.Refinement.DefocusOffset, match.Found.RelativeDefocus, 1e-6);
            Assert.Equal(complex.SearchB.Particles[0].Settings.MatchTemplateResult.CorrelationAveragePath, match.Start.CorrelationAveragePath);
        }
    }

    [Fact]
    public void The_threshold_is_the_normal_quantile_of_the_false_positives_per_correlation()
    {
        var threshold = complex.Job.Threshold;
        Assert.Equal(5 * 35, threshold.Projections); // 5 defocus values x 5 tilts x 7 spins
        Assert.Equal(5 * 5, threshold.Positions); // (36 − 32 + 1)²
        // Upper-tail quantile of N(0, 1) at FP/N, by bisection on the tail probability erfc(z/√2)/2.
        var tail = ConstrainedSearchOptions.DefaultFalsePositives / threshold.Correlations;
        double low = 0, high = 40;
        for (var i = 0; i < 200; i++)
        {
            var mid = (low + high) / 2;
            (low, high) = SpecialFunctions.Erfc(mid / Math.Sqrt(2)) / 2 > tail ? (mid, high) : (low, mid);
        }

        Assert.Equal(low, threshold.ZScore, 1e-9);
        // The spec's worked number (other_programs Appendix B): 165 offsets, one defocus value, a 9 x 9 window.
        Assert.Equal(4.9484, new ConstrainedSearchThreshold(165, 81, 0.005).ZScore, 4);
    }

    [Fact]
    public void Writes_leopard_ems_three_tables()
    {
        var table = ParticleTableCsv.Read(complex.File("constrained.csv"));
        var expected = ParticleColumns.Refined.ToList();
        expected.InsertRange(expected.IndexOf("refined_psi") + 1, ["original_offset_phi", "original_offset_theta", "original_offset_psi"]);
        Assert.Equal(expected, table.Columns);
        Assert.Equal(complex.Truth.Count, table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var match = complex.Outcome.Particles[i];
            Assert.Equal(match.Refinement.ZScore, (double)table[i, "refined_scaled_mip"]!, 1e-6);
            Assert.Equal(match.RawOffset.Theta, (double)table[i, "original_offset_theta"]!, 1e-5);
            Assert.Equal(match.Start.CorrelationAveragePath, table[i, "correlation_average_path"]);
            Assert.Equal(match.Reference.RelativeDefocus, Convert.ToDouble(table[i, "relative_defocus"]), 1e-3);
        }

        var parameters = ParticleTableCsv.Read(complex.File("constrained_parameters.csv"));
        Assert.Equal(["num_projections", "num_px", "num_correlations", "false_positives", "threshold"], parameters.Columns);
        Assert.Equal(175L * 25, Convert.ToInt64(parameters[0, "num_correlations"]));
        Assert.Equal(complex.Outcome.Threshold.ZScore, (double)parameters[0, "threshold"]!, 1e-12);
        var above = ParticleTableCsv.Read(complex.File("constrained_above_threshold.csv"));
        Assert.Equal(table.Columns, above.Columns);
        Assert.Equal(complex.Outcome.AboveThreshold.Count, above.Rows.Count);
    }

    [Fact]
    public void Companion_tables_replace_only_a_final_csv_extension()
    {
        Assert.Equal("runs.csv/b_parameters.csv", ConstrainedSearchJob.CompanionPath("runs.csv/b.csv", ConstrainedSearchJob.ParametersSuffix));
        Assert.Equal("out_above_threshold.csv", ConstrainedSearchJob.CompanionPath("out", ConstrainedSearchJob.AboveThresholdSuffix));
        Assert.Equal("B_parameters.csv", ConstrainedSearchJob.CompanionPath("B.CSV", ConstrainedSearchJob.ParametersSuffix));
    }

    [Fact]
    public void A_constrained_table_without_rows_is_refused_naming_what_it_is_for()
    {
        var empty = ParticleTableCsv.Read(complex.File("b.csv"));
        var header = new ParticleTable(empty.Columns);
        ParticleTableCsv.Write(complex.File("b-empty.csv"), header, overwrite: true);
        var settings = complex.Settings with { ParticleStackConstrained = complex.Settings.ParticleStackConstrained with { DfPath = "b-empty.csv" } };

        var error = Assert.Throws<FormatException>(() => ConstrainedSearchJob.Prepare(settings, complex.Directory, new ConstrainedSearchOptions()));

        Assert.Contains("has no rows", error.Message);
        Assert.Contains("correlation_average_path", error.Message);
    }

    [Fact]
    public void A_template_of_another_size_is_refused()
    {
        using var directory = new TempDirectory();
        var small = Path.Combine(directory.Path, "b16.mrc");
        MrcWriter.Write(small, new LeopardEm.Imaging.Volume3D(16, 16, 16, [.. Enumerable.Range(0, 4096).Select(i => (float)Math.Sin(i))]), overwrite: false);
        var settings = complex.Settings with { TemplateVolumePath = small };

        var error = Assert.Throws<SettingsValidationException>(() => ConstrainedSearchJob.Prepare(settings, complex.Directory, new ConstrainedSearchOptions()));

        Assert.Equal("template_volume_path", Assert.Single(error.Problems).KeyPath);
        Assert.Contains("original_template_size", error.Problems[0].Message);
    }

    [Fact]
    public void Bs_maps_come_from_its_first_row_when_it_names_another_micrograph()
    {
        var b = ParticleTableCsv.Read(complex.File("b.csv"));
        var renamed = new ParticleTable(b.Columns);
        for (var i = 0; i < b.Rows.Count; i++)
        {
            var row = b.Columns.ToDictionary(c => c, c => b[i, c]);
            row["micrograph_path"] = "elsewhere.mrc";
            renamed.Add(row);
        }

        ParticleTableCsv.Write(complex.File("b-elsewhere.csv"), renamed, overwrite: true);
        var settings = complex.Settings with { ParticleStackConstrained = complex.Settings.ParticleStackConstrained with { DfPath = "b-elsewhere.csv" } };

        using var job = ConstrainedSearchJob.Prepare(settings, complex.Directory, new ConstrainedSearchOptions());

        Assert.Contains(job.Notes, n => n.Contains("names no row of the reference micrograph", StringComparison.Ordinal));
    }
}
