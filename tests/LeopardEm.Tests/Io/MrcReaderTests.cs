using System.Buffers.Binary;
using System.Numerics;
using LeopardEm.Io;

namespace LeopardEm.Tests.Io;

/// <summary>Reading files built byte by byte (<see cref="MrcFileBuilder"/>), so each mode and byte order is checked
/// against bytes written independently of the library.</summary>
public sealed class MrcReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_little_endian_float16()
    {
        // IEEE half bit patterns: 1.0 = 3C00, -2.0 = C000, 0.5 = 3800, 65504 (largest half) = 7BFF, 2⁻²⁴ (smallest
        // subnormal) = 0001; stored low byte first.
        var path = new MrcFileBuilder(5, 1, 1, mode: 12)
            .Data([0x00, 0x3C, 0x00, 0xC0, 0x00, 0x38, 0xFF, 0x7B, 0x01, 0x00])
            .WriteTo(_dir.File("half.mrc"));

        var image = MrcReader.ReadImage(path, out var header);

        Assert.Equal(MrcMode.Float16, header.Mode);
        Assert.Equal([1f, -2f, 0.5f, 65504f, MathF.Pow(2, -24)], image.Data);
    }

    [Fact]
    public void Reads_big_endian_int16_with_big_endian_header()
    {
        var path = new MrcFileBuilder(3, 2, 1, mode: 1, bigEndian: true)
            .Float(40, 4.5f).Float(44, 3f).Float(48, 1.5f) // cella: voxel size 1.5 Å
            .Float(76, -2).Float(80, 300).Float(84, 50).Float(216, 7.25f)
            .Float(196, 10f)
            .Int(220, 1).Text(224, "big-endian label")
            .Data([0x00, 0x01, 0xFF, 0xFE, 0x01, 0x2C, 0x80, 0x00, 0x7F, 0xFF, 0x00, 0x00])
            .WriteTo(_dir.File("be-int16.mrc"));

        var image = MrcReader.ReadImage(path, out var header);

        Assert.True(header.IsBigEndian);
        Assert.Equal(0x1111_0000u, header.MachineStamp);
        Assert.Equal((3, 2, 1, MrcMode.Int16), (header.Nx, header.Ny, header.Nz, header.Mode));
        Assert.Equal(new Vector3(1.5f), header.VoxelSize);
        Assert.Equal((-2f, 300f, 50f, 7.25f), (header.DMin, header.DMax, header.DMean, header.Rms));
        Assert.Equal(new Vector3(10f, 0, 0), header.Origin);
        Assert.Equal(["big-endian label"], header.Labels);
        Assert.Equal((2, 3), (image.Height, image.Width));
        Assert.Equal([1f, -2f, 300f, -32768f, 32767f, 0f], image.Data);
    }

    [Fact]
    public void Reads_int8_as_signed()
    {
        var path = new MrcFileBuilder(4, 1, 1, mode: 0).Data([0x80, 0xFF, 0x00, 0x7F]).WriteTo(_dir.File("int8.mrc"));

        Assert.Equal([-128f, -1f, 0f, 127f], MrcReader.ReadImage(path).Data);
    }

    [Fact]
    public void Reads_uint16()
    {
        var path = new MrcFileBuilder(3, 1, 1, mode: 6).Data([0x00, 0x00, 0xFF, 0xFF, 0x34, 0x12]).WriteTo(_dir.File("uint16.mrc"));

        Assert.Equal([0f, 65535f, 4660f], MrcReader.ReadImage(path).Data);
    }

    [Fact]
    public void Reads_big_endian_float32()
    {
        // 1.0f = 3F800000, -2.5f = C0200000.
        var path = new MrcFileBuilder(2, 1, 1, mode: 2, bigEndian: true)
            .Data([0x3F, 0x80, 0x00, 0x00, 0xC0, 0x20, 0x00, 0x00])
            .WriteTo(_dir.File("be-float.mrc"));

        Assert.Equal([1f, -2.5f], MrcReader.ReadImage(path).Data);
    }

    [Fact]
    public void Skips_the_extended_header()
    {
        // The extended header is filled with a float32 pattern (1.0) that would be read as data if not skipped.
        var extended = new byte[100];
        for (var i = 0; i + 4 <= extended.Length; i += 4)
        {
            BinaryPrimitives.WriteSingleLittleEndian(extended.AsSpan(i), 1f);
        }

        var path = new MrcFileBuilder(2, 1, 1, mode: 2)
            .Text(104, "SERI")
            .Extended(extended)
            .Data([.. BitConverter.GetBytes(7f), .. BitConverter.GetBytes(-8f)])
            .WriteTo(_dir.File("extended.mrc"));

        var image = MrcReader.ReadImage(path, out var header);

        Assert.Equal(100, header.ExtendedHeaderBytes);
        Assert.Equal("SERI", header.ExtendedHeaderType);
        Assert.Equal(1124, header.DataOffset);
        Assert.Equal([7f, -8f], image.Data);
    }

    [Theory]
    [InlineData(0x44, 0x41, 0x00, 0x00)] // the other little-endian stamp allowed by MRC2014
    [InlineData(0x44, 0x44, 0x44, 0x44)] // only the first two bytes decide
    [InlineData(0x00, 0x00, 0x00, 0x00)] // pre-2000 files without a stamp: read as little-endian
    public void Accepts_every_little_endian_stamp(byte b0, byte b1, byte b2, byte b3)
    {
        var path = new MrcFileBuilder(1, 1, 1, mode: 1).Stamp(b0, b1, b2, b3).Data([0x39, 0x30]).WriteTo(_dir.File("stamp.mrc"));

        var image = MrcReader.ReadImage(path, out var header);

        Assert.False(header.IsBigEndian);
        Assert.Equal([12345f], image.Data);
    }

    [Fact]
    public void Reads_an_image_stack_as_images_or_as_a_volume()
    {
        // Three 2 x 2 sections holding 0..11; ISPG 0 with nz > 1 marks an image stack (MZ = 1).
        var data = Enumerable.Range(0, 12).SelectMany(i => BitConverter.GetBytes((float)i)).ToArray();
        var path = new MrcFileBuilder(2, 2, 3, mode: 2).Int(36, 1).Int(88, 0).Data(data).WriteTo(_dir.File("stack.mrc"));

        var stack = MrcReader.ReadStack(path, out var header);
        var volume = MrcReader.ReadVolume(path);

        Assert.Equal((3, 0, 1), (header.Nz, header.SpaceGroup, header.Mz));
        Assert.Equal(3, stack.Length);
        Assert.All(stack, image => Assert.Equal((2, 2), (image.Height, image.Width)));
        Assert.Equal([8f, 9f, 10f, 11f], stack[2].Data);
        Assert.Equal((3, 2, 2), (volume.Depth, volume.Height, volume.Width));
        Assert.Equal(6f, volume[1, 1, 0]);
        var ex = Assert.Throws<MrcFormatException>(() => MrcReader.ReadImage(path));
        Assert.Equal("nz", ex.Field);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    [InlineData(12, true)]
    public void Reads_data_spanning_several_conversion_chunks(int mode, bool bigEndian)
    {
        // 1100 x 1000 voxels crosses the reader's 2^20-voxel chunk boundary; voxel i holds (i mod 2000) - 1000.
        const int nx = 1100, ny = 1000;
        var bytesPerVoxel = mode == 2 ? 4 : 2;
        var data = new byte[nx * ny * bytesPerVoxel];
        for (var i = 0; i < nx * ny; i++)
        {
            var value = (i % 2000) - 1000;
            var span = data.AsSpan(i * bytesPerVoxel, bytesPerVoxel);
            switch (mode, bigEndian)
            {
                case (1, false): BinaryPrimitives.WriteInt16LittleEndian(span, (short)value); break;
                case (1, true): BinaryPrimitives.WriteInt16BigEndian(span, (short)value); break;
                case (2, false): BinaryPrimitives.WriteSingleLittleEndian(span, value); break;
                case (2, true): BinaryPrimitives.WriteSingleBigEndian(span, value); break;
                default: BinaryPrimitives.WriteHalfBigEndian(span, (Half)value); break;
            }
        }

        var path = new MrcFileBuilder(nx, ny, 1, mode, bigEndian).Data(data).WriteTo(_dir.File("large.mrc"));

        var image = MrcReader.ReadImage(path);

        for (var i = 0; i < nx * ny; i++)
        {
            if (image.Data[i] != (i % 2000) - 1000)
            {
                Assert.Fail($"voxel {i}: expected {(i % 2000) - 1000}, read {image.Data[i]}");
            }
        }
    }
}
