using System.Globalization;
using LeopardEm.Config;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Orientations;
using LeopardEm.Programs;
using LeopardEm.Projection;
using LeopardEm.Tests.TestData;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Programs;

/// <summary>
/// Runs our match_template on the golden Leopard-EM case (shared/golden/leopard-em-1: real Leopard-EM 1.2 inputs and
/// outputs) and compares maps, peaks and the particle table with Leopard-EM's.
/// </summary>
public sealed class GoldenMatchTemplateTests : IClassFixture<GoldenMatchTemplateTests.GoldenRun>
{
    private const string Case = "golden/leopard-em-1";
    private readonly GoldenRun _run;
    private readonly ITestOutputHelper _log;

    public GoldenMatchTemplateTests(GoldenRun run, ITestOutputHelper log)
    {
        _run = run;
        _log = log;
    }

    /// <summary>
    /// Pearson ≥ 0.9999 and a maximum relative difference ≤ 1e-3 wherever neither run's best
    /// orientation is rounding-sensitive upstream (a slice frequency other than DC rotates onto the x' = 0 plane, where
    /// Leopard-EM's extractor keeps or zeroes it depending on the last bit of its float32 arithmetic, which
    /// <see cref="SliceConvention.Leopard"/> reproduces only in part; see docs/differences-from-leopard-em.md).
    /// </summary>
    [SharedDataFact(Case + "/leopard-em-output/output_mip.mrc")]
    public void Mip_and_z_score_maps_match_leopard_em()
    {
        var ordinary = _run.PixelsWithRoundingInsensitiveBestOrientations();
        _log.WriteLine($"{ordinary.Count(o => o)} of {ordinary.Length} pixels have rounding-insensitive best orientations in both runs");
        foreach (var name in new[] { "mip", "scaled_mip" })
        {
            var (ours, theirs) = _run.Pair(name);
            var pearson = Pearson(Select(ours.Data, ordinary), Select(theirs.Data, ordinary));
            var maxRelative = MaxRelativeDifference(ours.Data, theirs.Data, ordinary);
            _log.WriteLine($"{name}: Pearson {pearson:F7} ({Pearson(ours.Data, theirs.Data):F7} over all pixels), max relative difference {maxRelative:E2}");
            Assert.True(pearson >= 0.9999, $"{name}: Pearson {pearson}");
            Assert.True(maxRelative <= 1e-3, $"{name}: max relative difference {maxRelative}");
        }
    }

    [SharedDataFact(Case + "/leopard-em-output/output_correlation_average.mrc")]
    public void Mean_and_standard_deviation_maps_match_within_1e_3_relative()
    {
        foreach (var name in new[] { "correlation_average", "correlation_variance" })
        {
            var (ours, theirs) = _run.Pair(name);
            var maxRelative = MaxRelativeDifference(ours.Data, theirs.Data);
            _log.WriteLine($"{name}: max relative difference {maxRelative:E2}");
            Assert.True(maxRelative <= 1e-3, $"{name}: max relative difference {maxRelative}");
        }
    }

    [SharedDataFact(Case + "/leopard-em-output/results.csv")]
    public void Same_peaks_at_the_same_pixels_with_the_same_angles_and_defocus()
    {
        var theirs = ReadCsv(SharedData.Find(Case + "/leopard-em-output/results.csv")!);
        var ours = ReadCsv(_run.CsvPath);
        Assert.Equal(theirs.Header, ours.Header);
        Assert.Equal(theirs.Rows.Count, ours.Rows.Count);
        for (var i = 0; i < theirs.Rows.Count; i++)
        {
            foreach (var column in new[] { "particle_index", "pos_x", "pos_y", "pos_x_img", "pos_y_img", "total_correlations" })
            {
                Assert.Equal(theirs.Get(i, column), ours.Get(i, column));
            }

            foreach (var column in new[] { "phi", "theta", "psi", "relative_defocus", "pos_x_img_angstrom", "pos_y_img_angstrom" })
            {
                Assert.Equal(double.Parse(theirs.Get(i, column), CultureInfo.InvariantCulture), double.Parse(ours.Get(i, column), CultureInfo.InvariantCulture), 1e-3);
            }

            foreach (var column in new[] { "mip", "scaled_mip", "correlation_mean", "correlation_variance" })
            {
                var expected = double.Parse(theirs.Get(i, column), CultureInfo.InvariantCulture);
                Assert.Equal(expected, double.Parse(ours.Get(i, column), CultureInfo.InvariantCulture), 1e-3 * Math.Max(1, Math.Abs(expected)));
            }

            // Optics columns are copied from the same config, so the text is identical; output paths name our files.
            foreach (var column in theirs.Header.Where(c => c is "defocus_u" or "defocus_v" or "astigmatism_angle" or "pixel_size"
                         or "refined_pixel_size" or "voltage" or "spherical_aberration" or "amplitude_contrast_ratio"
                         or "phase_shift" or "ctf_B_factor" or "even_zernikes" or "odd_zernikes" or "mag_matrix"
                         or "micrograph_path" or "template_path"))
            {
                Assert.Equal(theirs.Get(i, column), ours.Get(i, column));
            }
        }
    }

    [SharedDataFact(Case + "/leopard-em-output/output_orientation_phi.mrc")]
    public void Angle_and_defocus_maps_agree_almost_everywhere()
    {
        foreach (var name in new[] { "orientation_phi", "orientation_theta", "orientation_psi", "relative_defocus" })
        {
            var (ours, theirs) = _run.Pair(name);
            var differ = ours.Data.Zip(theirs.Data).Count(p => Math.Abs(p.First - p.Second) > 1e-3);
            var fraction = differ / (double)ours.Data.Length;
            _log.WriteLine($"{name}: {fraction:P3} of pixels differ");
            // Near-ties between orientations flip with float rounding (spec §18.2 suggests ≤ 0.2 %).
            Assert.True(fraction <= 0.002, $"{name}: {fraction:P3} of pixels differ");
        }
    }

    private static float[] Select(float[] values, bool[] selected) => [.. values.Where((_, i) => selected[i])];

    private static double Pearson(float[] a, float[] b)
    {
        double ma = a.Average(v => (double)v), mb = b.Average(v => (double)v), ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }

        return ab / Math.Sqrt(aa * bb);
    }

    // Largest |ours − theirs| (over the selected pixels) relative to the largest |theirs| of the map.
    private static double MaxRelativeDifference(float[] ours, float[] theirs, bool[]? selected = null)
    {
        Assert.Equal(theirs.Length, ours.Length);
        var scale = theirs.Max(v => Math.Abs(v));
        var max = 0.0;
        for (var i = 0; i < ours.Length; i++)
        {
            if (selected is null || selected[i])
            {
                max = Math.Max(max, Math.Abs(ours[i] - theirs[i]));
            }
        }

        return max / scale;
    }

    private static Csv ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        return new Csv([.. lines[0].Split(',')], [.. lines.Skip(1).Select(l => l.Split(','))]);
    }

    private sealed record Csv(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
    {
        public string Get(int row, string column) => Rows[row][Header.ToList().IndexOf(column)];
    }

    /// <summary>One match_template run on the golden inputs, shared by the tests of this class.</summary>
    public sealed class GoldenRun : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "leopard-golden-" + Guid.NewGuid().ToString("N"));

        public GoldenRun()
        {
            var source = SharedData.Find(Case);
            if (source is null)
            {
                return;
            }

            // The config is used unchanged: its relative paths resolve against a scratch copy of the case.
            Directory.CreateDirectory(Path.Combine(_directory, "inputs"));
            foreach (var file in Directory.GetFiles(Path.Combine(source, "inputs")))
            {
                File.Copy(file, Path.Combine(_directory, "inputs", Path.GetFileName(file)));
            }

            var settings = MatchTemplateConfig.Load(Path.Combine(source, "match_template_config.yaml")).Settings;
            var output = Path.Combine(_directory, "output");
            CsvPath = Path.Combine(output, "results.csv");
            var options = new MatchTemplateOptions { OutputCsvPath = CsvPath, SliceConvention = SliceConvention.Leopard };
            using var job = MatchTemplateJob.Prepare(settings, _directory, options);
            job.Run(null, CancellationToken.None);
            GoldenOutputs = Path.Combine(source, "leopard-em-output");
        }

        public string CsvPath { get; } = "";

        public string GoldenOutputs { get; } = "";

        public (Image2D Ours, Image2D Theirs) Pair(string name) =>
            (MrcReader.ReadImage(Path.Combine(_directory, "output", $"output_{name}.mrc")),
             MrcReader.ReadImage(Path.Combine(GoldenOutputs, $"output_{name}.mrc")));

        /// <summary>True for pixels where neither run's best orientation is rounding-sensitive.</summary>
        public bool[] PixelsWithRoundingInsensitiveBestOrientations()
        {
            var (ourPhi, theirPhi) = Pair("orientation_phi");
            var (ourTheta, theirTheta) = Pair("orientation_theta");
            var (ourPsi, theirPsi) = Pair("orientation_psi");
            return [.. Enumerable.Range(0, ourPhi.Data.Length).Select(i =>
                !IsRoundingSensitive(ourPhi.Data[i], ourTheta.Data[i], ourPsi.Data[i])
                && !IsRoundingSensitive(theirPhi.Data[i], theirTheta.Data[i], theirPsi.Data[i]))];
        }

        // True when some slice frequency other than DC (template edge 128) has an exact rotated x' within 1e-7 of 0.
        private static bool IsRoundingSensitive(float phi, float theta, float psi)
        {
            const int n = 128;
            var r = new EulerAngles(phi, theta, psi).ToMatrix();
            for (var row = 0; row < n; row++)
            {
                for (var c = 0; c <= n / 2; c++)
                {
                    double ky = (row - n / 2) / (double)n, kx = c / (double)n;
                    if ((row != n / 2 || c != 0) && Math.Abs(r.M00 * kx + r.M01 * ky) < 1e-7)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        public void Dispose()
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }
}
