using System.Text.RegularExpressions;
using LeopardEm.Cli;
using LeopardEm.Config;
using LeopardEm.Interop;
using LeopardEm.Io;
using LeopardEm.Tests.Interop;
using LeopardEm.Tests.Programs;
using LeopardEm.Tests.Settings;

namespace LeopardEm.Tests.Cli;

/// <summary><c>leopard match-template --ctf FILE</c> (CTFFIND4 or RELION) and <c>--output-star</c> on the tiny
/// workspace case, whose YAML has defocus 5200/4950 Å at 25°, 1.06 Å/px, 300 kV, amplitude contrast 0.07.</summary>
public sealed class MatchTemplateCtfOptionTests : IDisposable
{
    private readonly JobWorkspace _workspace = new();
    private readonly string _config;

    public MatchTemplateCtfOptionTests() => _config = _workspace.WriteAbsoluteConfig();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void A_ctffind_file_sets_the_defocus_astigmatism_and_phase_shift_of_the_search_and_of_its_outputs()
    {
        var ctf = Write("diagnostic_output.txt", CtfFileTexts.Ctffind41);
        var (csv, star) = (_workspace.File("particles.csv"), _workspace.File("stars/particles.star"));

        var (code, output, error) = Search("--ctf", ctf, "--output-csv", csv, "--output-star", star);

        Assert.True(code == ExitCodes.Success, error);
        output = Regex.Replace(output, @"\s+", " ");
        Assert.Contains(
            "note: CTF from " + ctf + " (micrograph /data/mics/m1.mrc): defocus_u 10588.1 Å, defocus_v 9956.7 Å, astigmatism_angle -44.71°, " +
            "phase_shift 30.00° (the configuration's 5200.0 Å, 4950.0 Å, 25.00°, 0.00° are not used).", output);
        Assert.DoesNotContain(" reports ", output); // the file's microscope is the configuration's
        var table = ParticleTableCsv.Read(csv);
        Assert.NotEmpty(table.Rows);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            Assert.Equal(10588.083984, (double)table[i, "defocus_u"]!, 1e-6);
            Assert.Equal(9956.6875, (double)table[i, "defocus_v"]!, 1e-6);
            Assert.Equal(-44.710212, (double)table[i, "astigmatism_angle"]!, 1e-6);
            Assert.Equal(30.0, (double)table[i, "phase_shift"]!, 1e-4);
        }

        var particles = RelionParticleStar.Read(star);
        Assert.Equal(table.Rows.Count, particles.Particles.Count);
        Assert.Equal(16, particles.Optics[0].ImageSize);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var relative = Convert.ToDouble(table[i, "relative_defocus"]);
            Assert.Equal(10588.083984 + relative, particles.Particles[i].DefocusU, 1e-6);
            Assert.Equal(30.0, particles.Particles[i].PhaseShift, 1e-4);
            Assert.Equal(_workspace.File("micrograph.mrc"), particles.Particles[i].MicrographPath);
        }
    }

    [Fact]
    public void A_relion_ctf_star_file_gives_the_row_of_the_micrograph_and_warnings_where_its_microscope_differs()
    {
        // Two micrographs named relative to a RELION project; the second is this one. Its optics: 1.5 Å/px, amplitude contrast 0.1.
        var ctf = Write("micrographs_ctf.star", CtfFileTexts.RelionMicrographs.Replace("Movies/m2.mrc", "Movies/micrograph.mrc", StringComparison.Ordinal));
        var csv = _workspace.File("particles.csv");

        var (code, output, error) = Search("--ctf", ctf, "--output-csv", csv);

        Assert.True(code == ExitCodes.Success, error);
        output = Regex.Replace(output, @"\s+", " ");
        // 9000 Å along 120° and 10000 Å across: the larger, 10000 Å, lies along 210° = -150°.
        Assert.Contains(
            "(micrograph MotionCorr/job002/Movies/micrograph.mrc): defocus_u 10000.0 Å, defocus_v 9000.0 Å, astigmatism_angle -150.00°, phase_shift 0.00°",
            output);
        Assert.Contains("reports amplitude_contrast_ratio 0.1, but the configuration's optics_group.amplitude_contrast_ratio is 0.07", output);
        Assert.Contains("reports pixel_size 1.5 Å, but the configuration's optics_group.pixel_size is 1.06 Å", output);
        Assert.DoesNotContain("reports voltage", output);
        var table = ParticleTableCsv.Read(csv);
        Assert.All(Enumerable.Range(0, table.Rows.Count), i =>
        {
            Assert.Equal((10000.0, 9000.0, -150.0), ((double)table[i, "defocus_u"]!, (double)table[i, "defocus_v"]!, (double)table[i, "astigmatism_angle"]!));
            Assert.Equal(0.07, (double)table[i, "amplitude_contrast_ratio"]!, 1e-9);
        });
    }

    [Fact]
    public void A_malformed_ctf_file_is_one_line_naming_the_file_and_line_and_nothing_is_written()
    {
        var ctf = Write("broken.txt", CtfFileTexts.Ctffind41.Replace(" 0.494779 4.102857", " 0.494779", StringComparison.Ordinal));

        var (code, _, error) = Search("--ctf", ctf);

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        var first = error.Split('\n')[0];
        Assert.Equal($"error: {ctf}:6: expected 7 values (one per column of the '# Columns:' line), got 6", first.TrimEnd());
        Assert.False(Directory.Exists(_workspace.File("out")));
    }

    [Fact]
    public void A_missing_ctf_file_is_reported_with_the_option_before_anything_is_written()
    {
        var (code, _, error) = Search("--ctf", _workspace.File("nowhere.txt"));

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("--ctf: File", error);
        Assert.Contains("nowhere.txt", error);
        Assert.False(Directory.Exists(_workspace.File("out")));
    }

    private (int Code, string Out, string Err) Search(params string[] options) =>
        CliRun.Run(["match-template", _config, "--threads", "2", "--z-score-cutoff", "2", .. options]);

    private string Write(string name, string text)
    {
        var path = _workspace.File(name);
        File.WriteAllText(path, text);
        return path;
    }
}
