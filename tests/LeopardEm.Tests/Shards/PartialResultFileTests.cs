using LeopardEm.Search;
using LeopardEm.Shards;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Shards;

public sealed class PartialResultFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_partial_result_round_trips_bit_for_bit()
    {
        var (header, statistics) = Sample();
        var path = Write(header, statistics);
        var read = PartialResultFile.Read(path);
        Assert.Equal(statistics.Mip, read.Statistics.Mip);
        Assert.Equal(statistics.BestIndex, read.Statistics.BestIndex);
        Assert.Equal(statistics.Sum, read.Statistics.Sum);
        Assert.Equal(statistics.SumOfSquares, read.Statistics.SumOfSquares);
        Assert.Equal(statistics.Count, read.Statistics.Count);
        Assert.Equal((3, 5, 7), (read.Header.RangeStart, read.Header.RangeCount, read.Header.Total));
        Assert.Equal(["mip", "best_index", "sum", "sum_of_squares"], read.Header.Arrays.Select(a => a.Name));
        Assert.Matches("^[0-9a-f]{64}$", read.Header.Sha256);
    }

    /// <summary>The layout promised to numpy users: magic, int64 header length, JSON, then the arrays little-endian.</summary>
    [Fact]
    public void The_layout_is_the_documented_one()
    {
        var (header, statistics) = Sample();
        var bytes = File.ReadAllBytes(Write(header, statistics));
        Assert.Equal("LEOPARD-PARTIAL1"u8.ToArray(), bytes[..16]);
        var length = BitConverter.ToInt64(bytes, 16);
        var json = System.Text.Encoding.UTF8.GetString(bytes, 24, (int)length);
        Assert.Contains("\"format\": \"leopard-partial\"", json);
        var mip = 24 + (int)length;
        Assert.Equal(statistics.Mip[1], BitConverter.ToSingle(bytes, mip + 4));
        var best = mip + 4 * statistics.Mip.Length;
        Assert.Equal(statistics.BestIndex[2], BitConverter.ToInt32(bytes, best + 8));
        Assert.Equal(bytes.Length, best + 4 * statistics.Mip.Length + 16 * statistics.Mip.Length);
    }

    [Theory]
    [InlineData("flip", "do not match the header's checksum")]
    [InlineData("truncate", "truncated")]
    [InlineData("magic", "is not a leopard partial result")]
    [InlineData("extra", "bytes after its arrays")]
    public void Damaged_files_are_refused_naming_the_file(string damage, string expected)
    {
        var (header, statistics) = Sample();
        var path = Write(header, statistics);
        var bytes = File.ReadAllBytes(path);
        bytes = damage switch
        {
            "flip" => Flip(bytes),
            "truncate" => bytes[..^3],
            "magic" => [(byte)'X', .. bytes[1..]],
            _ => [.. bytes, 0],
        };
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<PartialResultException>(() => PartialResultFile.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    internal static (PartialHeader Header, SearchStatistics Statistics) Sample()
    {
        var statistics = new SearchStatistics(2, 3);
        var random = new Random(1);
        for (var g = 3; g < 8; g++)
        {
            statistics.Add([.. Enumerable.Range(0, 6).Select(_ => random.NextSingle())], 3, g);
        }

        var header = TestPartialHeaders.Of(rangeStart: 3, rangeCount: 5, total: 7, height: 2, width: 3);
        return (header, statistics);
    }

    private static byte[] Flip(byte[] bytes)
    {
        bytes[^5] ^= 0x10;
        return bytes;
    }

    private string Write(PartialHeader header, SearchStatistics statistics)
    {
        var path = _directory.File($"{Guid.NewGuid():N}.partial");
        using var stream = File.Create(path);
        PartialResultFile.Write(stream, header, statistics);
        return path;
    }
}
