using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LeopardEm.Io;

/// <summary>
/// Bulk conversion between MRC data blocks and float32 samples. Work proceeds in fixed-size chunks so that the
/// staging buffer stays small whatever the file size, and so that no single span exceeds 2 GiB of bytes.
/// </summary>
internal static class MrcSampleCodec
{
    private const int ChunkVoxels = 1 << 20;

    /// <summary>Reads <paramref name="destination"/>.Length voxels of <paramref name="mode"/> from the current
    /// position of <paramref name="stream"/> and converts them to float32.</summary>
    /// <param name="stream">Positioned at the first voxel to read.</param>
    /// <param name="mode">How voxels are stored.</param>
    /// <param name="bigEndian">Byte order of the file (the host order is taken into account here).</param>
    /// <param name="destination">Receives the samples in file order.</param>
    /// <exception cref="EndOfStreamException">The stream ends early.</exception>
    public static void Read(Stream stream, MrcMode mode, bool bigEndian, Span<float> destination)
    {
        var swap = bigEndian == BitConverter.IsLittleEndian;
        var bytesPerVoxel = mode.BytesPerVoxel();
        byte[]? staging = null;
        try
        {
            for (var start = 0; start < destination.Length; start += ChunkVoxels)
            {
                var samples = destination.Slice(start, Math.Min(ChunkVoxels, destination.Length - start));
                if (mode == MrcMode.Float32)
                {
                    // float32 is read straight into the destination: no staging copy for the common mode.
                    stream.ReadExactly(MemoryMarshal.AsBytes(samples));
                    if (swap)
                    {
                        var words = MemoryMarshal.Cast<float, uint>(samples);
                        BinaryPrimitives.ReverseEndianness(words, words);
                    }

                    continue;
                }

                staging ??= ArrayPool<byte>.Shared.Rent(ChunkVoxels * bytesPerVoxel);
                var raw = staging.AsSpan(0, samples.Length * bytesPerVoxel);
                stream.ReadExactly(raw);
                Decode(raw, mode, swap, samples);
            }
        }
        finally
        {
            if (staging is not null)
            {
                ArrayPool<byte>.Shared.Return(staging);
            }
        }
    }

    /// <summary>Writes <paramref name="samples"/> little-endian as <see cref="MrcMode.Float32"/> or
    /// <see cref="MrcMode.Float16"/> (rounded to nearest) at the current position of <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, MrcMode mode, ReadOnlySpan<float> samples)
    {
        if (mode is not (MrcMode.Float32 or MrcMode.Float16))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Only float32 and float16 can be written.");
        }

        var bytesPerVoxel = mode.BytesPerVoxel();
        byte[]? staging = null;
        try
        {
            for (var start = 0; start < samples.Length; start += ChunkVoxels)
            {
                var chunk = samples.Slice(start, Math.Min(ChunkVoxels, samples.Length - start));
                if (mode == MrcMode.Float32 && BitConverter.IsLittleEndian)
                {
                    stream.Write(MemoryMarshal.AsBytes(chunk));
                    continue;
                }

                staging ??= ArrayPool<byte>.Shared.Rent(ChunkVoxels * bytesPerVoxel);
                var raw = staging.AsSpan(0, chunk.Length * bytesPerVoxel);
                Encode(chunk, mode, raw);
                stream.Write(raw);
            }
        }
        finally
        {
            if (staging is not null)
            {
                ArrayPool<byte>.Shared.Return(staging);
            }
        }
    }

    private static void Decode(Span<byte> raw, MrcMode mode, bool swap, Span<float> samples)
    {
        switch (mode)
        {
            case MrcMode.Int8:
                var int8 = MemoryMarshal.Cast<byte, sbyte>(raw);
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = int8[i];
                }

                break;
            case MrcMode.Int16:
                var int16 = MemoryMarshal.Cast<byte, short>(raw);
                if (swap)
                {
                    BinaryPrimitives.ReverseEndianness(int16, int16);
                }

                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = int16[i];
                }

                break;
            case MrcMode.UInt16:
                var uint16 = MemoryMarshal.Cast<byte, ushort>(raw);
                if (swap)
                {
                    BinaryPrimitives.ReverseEndianness(uint16, uint16);
                }

                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = uint16[i];
                }

                break;
            case MrcMode.Float16:
                var bits = MemoryMarshal.Cast<byte, ushort>(raw);
                if (swap)
                {
                    BinaryPrimitives.ReverseEndianness(bits, bits);
                }

                var halves = MemoryMarshal.Cast<ushort, Half>(bits);
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = (float)halves[i];
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "Float32 is read without staging.");
        }
    }

    private static void Encode(ReadOnlySpan<float> samples, MrcMode mode, Span<byte> raw)
    {
        if (mode == MrcMode.Float32)
        {
            // Reached only on a big-endian host: the file is always little-endian.
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<float, uint>(samples), MemoryMarshal.Cast<byte, uint>(raw));
            return;
        }

        var halves = MemoryMarshal.Cast<byte, Half>(raw);
        for (var i = 0; i < samples.Length; i++)
        {
            halves[i] = (Half)samples[i];
        }

        if (!BitConverter.IsLittleEndian)
        {
            var bits = MemoryMarshal.Cast<byte, ushort>(raw);
            BinaryPrimitives.ReverseEndianness(bits, bits);
        }
    }
}
