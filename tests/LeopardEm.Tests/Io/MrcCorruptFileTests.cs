using LeopardEm.Io;

namespace LeopardEm.Tests.Io;

/// <summary>Every corrupt or truncated file fails with an <see cref="MrcFormatException"/> naming the file and the
/// header field, never with an exception from deep inside the reader.</summary>
public sealed class MrcCorruptFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A valid 2 x 2 float32 file; each case below breaks one thing.</summary>
    private static MrcFileBuilder Valid() => new MrcFileBuilder(2, 2, 1, mode: 2).Data(new byte[16]);

    public static TheoryData<string, string> Cases => new()
    {
        { "mode-unknown", "mode" },
        { "mode-complex", "mode" },
        { "nx-zero", "nx" },
        { "ny-negative", "ny" },
        { "nz-zero", "nz" },
        { "dims-overflow", "nx, ny, nz" },
        { "nsymbt-negative", "nsymbt" },
        { "nsymbt-past-end", "nsymbt" },
        { "nlabl-too-large", "nlabl" },
        { "stamp-unknown", "machine stamp" },
        { "header-short", "header" },
        { "empty-file", "header" },
        { "data-truncated", "data" },
        { "data-too-long", "data" },
        { "data-for-larger-dims", "data" },
    };

    private static byte[] Build(string name) => name switch
    {
        "mode-unknown" => Valid().Int(12, 99).ToBytes(),
        "mode-complex" => Valid().Int(12, 4).ToBytes(),
        "nx-zero" => Valid().Int(0, 0).ToBytes(),
        "ny-negative" => Valid().Int(4, -5).ToBytes(),
        "nz-zero" => Valid().Int(8, 0).ToBytes(),
        "dims-overflow" => Valid().Int(0, int.MaxValue).Int(4, int.MaxValue).Int(8, int.MaxValue).ToBytes(),
        "nsymbt-negative" => Valid().Int(92, -1).ToBytes(),
        "nsymbt-past-end" => Valid().Int(92, 1 << 20).ToBytes(),
        "nlabl-too-large" => Valid().Int(220, 11).ToBytes(),
        "stamp-unknown" => Valid().Stamp(0x12, 0x34, 0x00, 0x00).ToBytes(),
        "header-short" => Valid().ToBytes()[..100],
        "empty-file" => [],
        "data-truncated" => Valid().ToBytes()[..^4],
        "data-too-long" => [.. Valid().ToBytes(), 0, 0, 0, 0],
        "data-for-larger-dims" => Valid().Int(0, 4096).Int(4, 4096).ToBytes(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Corrupt_file_names_the_file_and_the_field(string name, string field)
    {
        var path = _dir.File(name + ".mrc");
        File.WriteAllBytes(path, Build(name));

        foreach (var read in new Action[] { () => MrcReader.ReadHeader(path), () => MrcReader.ReadImage(path), () => MrcReader.ReadVolume(path), () => MrcReader.ReadStack(path) })
        {
            var ex = Assert.Throws<MrcFormatException>(read);
            Assert.Contains(name + ".mrc", ex.Message);
            Assert.Contains(field, ex.Message);
            Assert.Equal(path, ex.FilePath);
            Assert.StartsWith(field, ex.Field);
        }
    }

    [Fact]
    public void Truncated_data_reports_expected_and_actual_bytes()
    {
        var path = _dir.File("short.mrc");
        File.WriteAllBytes(path, Valid().ToBytes()[..^6]);

        var ex = Assert.Throws<MrcFormatException>(() => MrcReader.ReadImage(path));

        Assert.Contains("expected 16 bytes", ex.Message);
        Assert.Contains("holds 10 bytes", ex.Message);
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Valid_baseline_reads()
    {
        var path = _dir.File("valid.mrc");
        File.WriteAllBytes(path, Valid().ToBytes());

        Assert.Equal(new float[4], MrcReader.ReadImage(path).Data);
    }

    [Fact]
    public void Missing_file_is_FileNotFoundException_with_the_path()
    {
        var path = _dir.File("missing.mrc");

        var ex = Assert.Throws<FileNotFoundException>(() => MrcReader.ReadImage(path));

        Assert.Equal(path, ex.FileName);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void File_in_missing_directory_is_FileNotFoundException()
    {
        var path = Path.Combine(_dir.Path, "no-such-dir", "x.mrc");

        var ex = Assert.Throws<FileNotFoundException>(() => MrcReader.ReadVolume(path));

        Assert.Equal(path, ex.FileName);
    }
}
