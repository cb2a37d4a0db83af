using LeopardEm.Imaging;
using LeopardEm.Io;

namespace LeopardEm.Tests.Io;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Writes_through_a_hidden_temporary_file_in_the_target_directory()
    {
        var path = _dir.File("out.txt");
        string? tempPath = null;

        AtomicFileWriter.Write(path, overwrite: false, stream =>
        {
            tempPath = ((FileStream)stream).Name;
            Assert.False(File.Exists(path)); // the target appears only when complete
            stream.Write("content"u8);
        });

        Assert.Equal(_dir.Path, Path.GetDirectoryName(tempPath));
        Assert.StartsWith(".out.txt.tmp-", Path.GetFileName(tempPath));
        Assert.Equal("content"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(["out.txt"], _dir.EntryNames());
    }

    [Fact]
    public void Refuses_to_overwrite_before_writing_anything()
    {
        var path = _dir.File("existing.txt");
        File.WriteAllBytes(path, [1, 2, 3]);
        var called = false;

        var ex = Assert.Throws<IOException>(() => AtomicFileWriter.Write(path, overwrite: false, _ => called = true));

        Assert.Contains(path, ex.Message);
        Assert.False(called);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Equal(["existing.txt"], _dir.EntryNames());
    }

    [Fact]
    public void Overwrites_when_allowed()
    {
        var path = _dir.File("existing.txt");
        File.WriteAllBytes(path, [1, 2, 3]);

        AtomicFileWriter.Write(path, overwrite: true, stream => stream.Write([9]));

        Assert.Equal([9], File.ReadAllBytes(path));
        Assert.Equal(["existing.txt"], _dir.EntryNames());
    }

    [Fact]
    public void Failure_during_write_leaves_no_temporary_file_and_no_target()
    {
        var path = _dir.File("failed.txt");
        var failure = new InvalidOperationException("simulated failure");

        var ex = Assert.Throws<InvalidOperationException>(() => AtomicFileWriter.Write(path, overwrite: false, stream =>
        {
            stream.Write(new byte[10_000]);
            throw failure;
        }));

        Assert.Same(failure, ex);
        Assert.Empty(_dir.EntryNames());
    }

    [Fact]
    public void Failure_during_overwrite_leaves_the_old_file_untouched()
    {
        var path = _dir.File("kept.txt");
        File.WriteAllBytes(path, [1, 2, 3]);

        Assert.Throws<InvalidOperationException>(() => AtomicFileWriter.Write(path, overwrite: true, stream =>
        {
            stream.Write([7, 7, 7, 7]);
            throw new InvalidOperationException("simulated failure");
        }));

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Equal(["kept.txt"], _dir.EntryNames());
    }

    [Fact]
    public void Mrc_writer_refuses_to_overwrite_and_leaves_the_existing_bytes()
    {
        var path = _dir.File("map.mrc");
        MrcWriter.Write(path, new Image2D(2, 2, [0, 1, 2, 3]), overwrite: false);
        var before = File.ReadAllBytes(path);

        var ex = Assert.Throws<IOException>(() => MrcWriter.Write(path, new Image2D(3, 3), overwrite: false));

        Assert.Contains("map.mrc", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["map.mrc"], _dir.EntryNames());
    }

    [Fact]
    public void Mrc_writer_overwrites_when_allowed()
    {
        var path = _dir.File("map.mrc");
        MrcWriter.Write(path, new Image2D(2, 2, [0, 1, 2, 3]), overwrite: false);

        MrcWriter.Write(path, new Image2D(3, 3), overwrite: true);

        Assert.Equal((3, 3), (MrcReader.ReadHeader(path).Nx, MrcReader.ReadHeader(path).Ny));
    }

    [Fact]
    public void Mrc_writer_failing_after_the_data_is_written_cleans_up()
    {
        // A directory in the way makes the final rename fail after header and data went to the temporary file.
        var path = _dir.File("blocked.mrc");
        Directory.CreateDirectory(path);

        Assert.ThrowsAny<IOException>(() => MrcWriter.Write(path, new Image2D(4, 4), overwrite: true));

        Assert.True(Directory.Exists(path));
        Assert.Equal(["blocked.mrc"], _dir.EntryNames());
    }
}
