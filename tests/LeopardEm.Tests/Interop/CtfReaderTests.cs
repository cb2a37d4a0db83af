using LeopardEm.Interop;
using LeopardEm.Settings;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Interop;

public sealed class CtfReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_ctffind_4_1_file_gives_defocus_angle_and_phase_shift_in_degrees()
    {
        var estimate = Assert.Single(CtffindOutputReader.Parse(CtfFileTexts.Ctffind41, "diag.txt"));

        Assert.Equal(10588.083984, estimate.DefocusU);
        Assert.Equal(9956.6875, estimate.DefocusV);
        Assert.Equal(-44.710212, estimate.AstigmatismAngle, 1e-9);
        Assert.Equal(30.0, estimate.PhaseShift, 1e-4);
        Assert.Equal("/data/mics/m1.mrc", estimate.MicrographName);
        Assert.Equal((1.06, 300.0, 2.7, 0.07), (estimate.PixelSize, estimate.VoltageKv, estimate.SphericalAberrationMm, estimate.AmplitudeContrast));
    }

    [Fact]
    public void A_ctffind_5_file_with_extra_columns_reads_the_same_columns()
    {
        var estimate = Assert.Single(CtffindOutputReader.Parse(CtfFileTexts.Ctffind5));

        Assert.Equal((8984.742188, 8709.236328, 45.948771, 0.0), (estimate.DefocusU, estimate.DefocusV, estimate.AstigmatismAngle, estimate.PhaseShift));
        Assert.Equal(0.93, estimate.PixelSize);
    }

    [Fact]
    public void A_relion_micrograph_ctf_file_gives_one_estimate_per_micrograph_with_its_optics()
    {
        var estimates = RelionCtfStarReader.FromStar(StarReader.Parse(CtfFileTexts.RelionMicrographs));

        Assert.Equal(2, estimates.Count);
        Assert.Equal("MotionCorr/job002/Movies/m1.mrc", estimates[0].MicrographName);
        Assert.Equal((10588.083984, 9956.6875, -44.71021, 30.000015), (estimates[0].DefocusU, estimates[0].DefocusV, estimates[0].AstigmatismAngle, estimates[0].PhaseShift));
        Assert.Equal((1.5, 300.0, 2.7, 0.1), (estimates[0].PixelSize, estimates[0].VoltageKv, estimates[0].SphericalAberrationMm, estimates[0].AmplitudeContrast));
        // U along 120° smaller than V: the larger defocus lies along 210° = −150°.
        Assert.Equal((10000.0, 9000.0, -150.0), (estimates[1].DefocusU, estimates[1].DefocusV, estimates[1].AstigmatismAngle));
    }

    [Fact]
    public void The_file_kind_is_told_by_content_and_one_micrograph_is_picked_by_name()
    {
        var ctffind = _dir.File("m1_diag.txt");
        var relion = _dir.File("micrographs_ctf.star");
        File.WriteAllText(ctffind, CtfFileTexts.Ctffind41);
        File.WriteAllText(relion, CtfFileTexts.RelionMicrographs);

        Assert.Equal(10588.083984, CtfEstimateReader.ReadFor(ctffind, "anything.mrc").DefocusU);
        Assert.Equal(9000.0, CtfEstimateReader.ReadFor(relion, "/elsewhere/m2.mrc").DefocusV);
        Assert.Equal(9956.6875, CtfEstimateReader.ReadFor(relion, "MotionCorr/job002/Movies/m1.mrc").DefocusV);
        var e = Assert.Throws<StarFormatException>(() => CtfEstimateReader.ReadFor(relion, "m3.mrc"));
        Assert.Contains("no CTF estimates for micrograph 'm3.mrc' among 2", e.Message);
    }

    [Fact]
    public void An_estimate_sets_the_defocus_and_phase_of_an_optics_group_and_keeps_the_microscope()
    {
        var optics = new OpticsGroup
        {
            Label = "g",
            PixelSize = 1.0,
            Voltage = 200,
            DefocusU = 1,
            DefocusV = 2,
            AstigmatismAngle = 3,
            PhaseShift = 4,
        };
        var estimate = Assert.Single(CtffindOutputReader.Parse(CtfFileTexts.Ctffind41));

        var applied = estimate.ApplyTo(optics);

        Assert.Equal(optics with { DefocusU = estimate.DefocusU, DefocusV = estimate.DefocusV, AstigmatismAngle = estimate.AstigmatismAngle, PhaseShift = estimate.PhaseShift }, applied);
        Assert.Equal((1.0, 200.0), (applied.PixelSize, applied.Voltage));
    }

    [Theory]
    [InlineData("# Output from CTFFind version 4.1.14\n1.0 10000 9000 0 0 0.1 5\n", 2, "'# Columns:' header line")]
    [InlineData(ColumnsLine + "1.0 10000 9000 0 0 0.1\n", 2, "expected 7 values")]
    [InlineData(ColumnsLine + "1.0 10000 nan 0 0 0.1 5\n", 2, "expected a number for defocus 2, got 'nan'")]
    [InlineData("# Pixel size: one Angstroms ; acceleration voltage: 300.0 keV\n", 1, "expected a number after 'Pixel size:'")]
    [InlineData("# Columns: #1 - micrograph number; #2 - defocus 1 [Angstroms]\n", 1, "'defocus 2', 'azimuth of astigmatism', 'additional phase shift'")]
    [InlineData("# nothing here\n", 0, "no '# Columns:' header line")]
    public void Malformed_ctffind_files_name_the_line(string text, int line, string message)
    {
        var e = Assert.Throws<StarFormatException>(() => CtffindOutputReader.Parse(text, "diag.txt"));
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("data_micrographs\nloop_\n_rlnMicrographName\n_rlnDefocusU\nm.mrc 1\n", 2, "_rlnDefocusV, _rlnDefocusAngle")]
    [InlineData("data_micrographs\nloop_\n_rlnMicrographName\n_rlnDefocusU\n_rlnDefocusV\n_rlnDefocusAngle\nm.mrc 1 2 x\n", 7, "expected a number for _rlnDefocusAngle")]
    [InlineData("data_optics\nloop_\n_rlnOpticsGroup\n_rlnVoltage\n1 300\n2 200\ndata_micrographs\nloop_\n_rlnMicrographName\n_rlnDefocusU\n_rlnDefocusV\n_rlnDefocusAngle\nm.mrc 1 2 3\n", 13, "which of the 2 optics groups")]
    [InlineData("data_particles\n", 0, "no data_micrographs block")]
    public void Malformed_relion_ctf_files_name_the_line(string text, int line, string message)
    {
        var e = Assert.Throws<StarFormatException>(() => RelionCtfStarReader.FromStar(StarReader.Parse(text, "ctf.star")));
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message);
    }

    private const string ColumnsLine =
        "# Columns: #1 - micrograph number; #2 - defocus 1 [Angstroms]; #3 - defocus 2; #4 - azimuth of astigmatism; " +
        "#5 - additional phase shift [radians]; #6 - cross correlation; #7 - spacing (in Angstroms) up to which CTF rings were fit successfully\n";
}
