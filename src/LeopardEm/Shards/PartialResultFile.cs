using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeopardEm.Search;

namespace LeopardEm.Shards;

/// <summary>
/// Reads and writes partial results: a 16-byte magic <c>LEOPARD-PARTIAL1</c>, the header length as a little-endian
/// int64, the UTF-8 JSON <see cref="PartialHeader"/>, then the arrays little-endian in header order (mip float32,
/// best_index int32, sum float64, sum_of_squares float64, each height·width row-major). The header's SHA-256 covers the
/// array bytes. Plain enough for numpy (docs/programs/distributed.md shows how).
/// </summary>
public static class PartialResultFile
{
    /// <summary>The format's name in the header.</summary>
    public const string FormatName = "leopard-partial";

    /// <summary>The format's version.</summary>
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "LEOPARD-PARTIAL1"u8.ToArray();

    /// <summary>The version of this build, for headers (informational version, with the commit).</summary>
    public static string ProgramVersion =>
        typeof(PartialResultFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Writes <paramref name="statistics"/> with <paramref name="header"/> to <paramref name="stream"/> (the
    /// header's sizes, count, checksum and array list are filled in here).</summary>
    public static void Write(Stream stream, PartialHeader header, SearchStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(statistics);
        var arrays = Arrays(statistics);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var bytes in arrays)
        {
            hash.AppendData(bytes.Span);
        }

        var pixels = (long)statistics.Height * statistics.Width;
        var complete = header with
        {
            Height = statistics.Height,
            Width = statistics.Width,
            Count = statistics.Count,
            Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()),
            Arrays = [new("mip", "<f4", pixels), new("best_index", "<i4", pixels), new("sum", "<f8", pixels), new("sum_of_squares", "<f8", pixels)],
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(complete, PartialHeaderJson.Default.PartialHeader);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, json.Length);
        stream.Write(Magic);
        stream.Write(length);
        stream.Write(json);
        foreach (var bytes in arrays)
        {
            stream.Write(bytes.Span);
        }
    }

    /// <summary>Reads a partial result, checking its magic, format, sizes and checksum.</summary>
    /// <exception cref="PartialResultException">The file is not a complete, intact partial result (the message names
    /// it and says what is wrong).</exception>
    public static PartialResult Read(string path)
    {
        Io.InputFile.Require(path, "the partial result");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var header = ReadHeader(stream, path);
        var pixels = header.Height * header.Width;
        var statistics = new SearchStatistics(header.Height, header.Width, new float[pixels], new int[pixels], new double[pixels], new double[pixels], header.Count);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var bytes in Arrays(statistics))
        {
            if (stream.ReadAtLeast(bytes.Span, bytes.Length, throwOnEndOfStream: false) < bytes.Length)
            {
                throw new PartialResultException($"'{path}' ends inside its arrays; the file is truncated.");
            }

            hash.AppendData(bytes.Span);
        }

        if (stream.ReadByte() != -1)
        {
            throw new PartialResultException($"'{path}' has bytes after its arrays; the file is damaged.");
        }

        if (Convert.ToHexStringLower(hash.GetHashAndReset()) != header.Sha256)
        {
            throw new PartialResultException($"'{path}': the arrays do not match the header's checksum; the file is damaged.");
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Partial results are little-endian; this machine is not.");
        }

        return new PartialResult(header, statistics);
    }

    /// <summary>Reads only the header of a partial result (what it covers; a checkpoint's progress), checking its
    /// magic, format and sizes but not the arrays.</summary>
    /// <exception cref="PartialResultException">The file does not start with an intact header.</exception>
    public static PartialHeader ReadHeader(string path)
    {
        Io.InputFile.Require(path, "the partial result");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ReadHeader(stream, path);
    }

    private static PartialHeader ReadHeader(Stream stream, string path)
    {
        var head = new byte[Magic.Length + 8];
        if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !head.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new PartialResultException($"'{path}' is not a leopard partial result (it does not start with LEOPARD-PARTIAL1).");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(head.AsSpan(Magic.Length));
        if (length is <= 0 or > 1 << 20)
        {
            throw new PartialResultException($"'{path}': the header length {length} is not plausible; the file is damaged.");
        }

        var json = new byte[length];
        if (stream.ReadAtLeast(json, json.Length, throwOnEndOfStream: false) < json.Length)
        {
            throw new PartialResultException($"'{path}' ends inside its header; the file is truncated.");
        }

        PartialHeader header;
        try
        {
            header = JsonSerializer.Deserialize(json, PartialHeaderJson.Default.PartialHeader)
                ?? throw new PartialResultException($"'{path}': the header is empty.");
        }
        catch (JsonException e)
        {
            throw new PartialResultException($"'{path}': the header is not valid JSON ({e.Message}).");
        }

        if (header.Format != FormatName || header.Version != FormatVersion)
        {
            throw new PartialResultException(
                $"'{path}' is format '{header.Format}' version {header.Version}; this leopard reads {FormatName} version {FormatVersion}.");
        }

        if (header.Height < 1 || header.Width < 1 || (long)header.Height * header.Width > int.MaxValue)
        {
            throw new PartialResultException($"'{path}': the statistics region {header.Width} x {header.Height} is not plausible.");
        }

        return header;
    }

    // The accumulators as bytes, in file order; little-endian machines store them as the file does.
    private static Memory<byte>[] Arrays(SearchStatistics statistics) =>
    [
        AsBytes(statistics.Mip), AsBytes(statistics.BestIndex), AsBytes(statistics.Sum), AsBytes(statistics.SumOfSquares),
    ];

    private static Memory<byte> AsBytes<T>(T[] values)
        where T : struct => new ByteView<T>(values).Memory;

    // A Memory<byte> over an array of another blittable type, without copying.
    private sealed class ByteView<T>(T[] values) : System.Buffers.MemoryManager<byte>
        where T : struct
    {
        public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(values.AsSpan());

        public override System.Buffers.MemoryHandle Pin(int elementIndex = 0) => throw new NotSupportedException();

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
