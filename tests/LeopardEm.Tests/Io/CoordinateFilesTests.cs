using LeopardEm.Io;

namespace LeopardEm.Tests.Io;

public class CoordinateFilesTests
{
    [Fact]
    public void Centres_are_written_one_particle_per_line()
    {
        using var directory = new TempDirectory();
        var path = directory.File("picks.coords");
        CoordinateFiles.WriteCentres(path, [(418, 415), (12.5, 3)], overwrite: false);
        Assert.Equal("418 415\n12.5 3\n", File.ReadAllText(path));
    }

    [Fact]
    public void Eman_boxes_start_half_a_box_before_the_centre()
    {
        using var directory = new TempDirectory();
        var path = directory.File("picks.box");
        CoordinateFiles.WriteEmanBox(path, [(418, 415), (100.5, 64)], boxSize: 128, overwrite: false);
        Assert.Equal("354\t351\t128\t128\n37\t0\t128\t128\n", File.ReadAllText(path));
    }

    [Fact]
    public void Existing_files_are_kept_unless_overwriting()
    {
        using var directory = new TempDirectory();
        var path = directory.File("picks.coords");
        File.WriteAllText(path, "old");
        Assert.Throws<IOException>(() => CoordinateFiles.WriteCentres(path, [(1, 2)], overwrite: false));
        Assert.Equal("old", File.ReadAllText(path));
        CoordinateFiles.WriteCentres(path, [(1, 2)], overwrite: true);
        Assert.Equal("1 2\n", File.ReadAllText(path));
    }
}
