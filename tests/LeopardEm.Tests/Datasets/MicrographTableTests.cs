using LeopardEm.Datasets;
using LeopardEm.Tests.Interop;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Datasets;

/// <summary>Micrograph tables: the CSV's columns by name with values as written, RELION's micrographs_ctf.star with the
/// optics group's pixel size, and every malformed table refused with its file and row.</summary>
public sealed class MicrographTableTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Csv_columns_are_found_by_name_and_values_kept_as_written()
    {
        var entries = Read("t.csv",
            "astigmatism_angle,note,micrograph_path,defocus_v,defocus_u,pixel_size\n" +
            "25,first,mics/a.mrc,4950,5200,\n" +
            "-40.5,\"x, y\",/data/b.mrc,9000,8500.25,1.1\n");

        Assert.Equal(2, entries.Count);
        Assert.Equal(("mics/a.mrc", 5200.0, 4950.0, 25.0, (double?)null, (double?)null),
            (entries[0].Path, entries[0].DefocusU, entries[0].DefocusV, entries[0].AstigmatismAngle, entries[0].PixelSize, entries[0].PhaseShift));
        // U smaller than V stays as written: the values are Leopard-EM's optics_group fields, not CTFFIND's.
        Assert.Equal(("/data/b.mrc", 8500.25, 9000.0, -40.5, (double?)1.1),
            (entries[1].Path, entries[1].DefocusU, entries[1].DefocusV, entries[1].AstigmatismAngle, entries[1].PixelSize));
        Assert.EndsWith("t.csv row 2", entries[1].Source);
    }

    [Fact]
    public void Relion_micrographs_ctf_star_gives_each_micrograph_its_ctf_and_the_optics_pixel_size()
    {
        var entries = Read("micrographs_ctf.star", CtfFileTexts.RelionMicrographs);

        Assert.Equal(["MotionCorr/job002/Movies/m1.mrc", "MotionCorr/job002/Movies/m2.mrc"], entries.Select(e => e.Path));
        Assert.Equal((10588.083984, 9956.6875, -44.71021, 30.000015, 1.5),
            (entries[0].DefocusU, entries[0].DefocusV, entries[0].AstigmatismAngle, entries[0].PhaseShift!.Value, entries[0].PixelSize!.Value));
        // The second has U < V in the file: the larger becomes defocus_u, its direction 90° on (RELION's convention).
        Assert.Equal((10000.0, 9000.0, -150.0), (entries[1].DefocusU, entries[1].DefocusV, entries[1].AstigmatismAngle));
    }

    [Theory]
    [InlineData("path,defocus_u,defocus_v\na.mrc,1,2\n", "needs the column(s) astigmatism_angle")]
    [InlineData("name,defocus_u,defocus_v,astigmatism_angle\na.mrc,1,2,3\n", "needs the column(s) path")]
    [InlineData("path,defocus_u,defocus_v,astigmatism_angle\na.mrc,1,x,3\n", "row 1: defocus_v must be a finite number, got 'x'")]
    [InlineData("path,defocus_u,defocus_v,astigmatism_angle\na.mrc,1,,3\n", "row 1: defocus_v is empty")]
    [InlineData("path,defocus_u,defocus_v,astigmatism_angle,pixel_size\na.mrc,1,2,3,-1\n", "row 1: pixel_size must be positive")]
    [InlineData("path,defocus_u,defocus_v,astigmatism_angle\na.mrc,1,2,3\nb.mrc,1,2,3\na.mrc,4,5,6\n", "'a.mrc' is listed more than once")]
    [InlineData("path,defocus_u,defocus_v,astigmatism_angle\n", "lists no micrographs")]
    public void Malformed_tables_are_refused_naming_the_file_and_row(string text, string expected)
    {
        var error = Assert.ThrowsAny<FormatException>(() => Read("bad.csv", text));
        Assert.Contains("bad.csv", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_missing_table_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => MicrographTable.Read(_directory.File("none.csv")));
        Assert.Contains("micrograph table", error.Message);
    }

    private IReadOnlyList<MicrographEntry> Read(string name, string text)
    {
        var path = _directory.File(name);
        File.WriteAllText(path, text);
        return MicrographTable.Read(path);
    }
}
