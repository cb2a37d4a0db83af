using System.Numerics;
using LeopardEm.Imaging;
using LeopardEm.Io;

namespace LeopardEm.Tests.Io;

public sealed class MrcWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Image_round_trips_bit_exactly_with_complete_header()
    {
        // Non-square so that a swapped x/y would show.
        var image = new Image2D(5, 7, RandomSamples(35, seed: 1));
        var path = _dir.File("image.mrc");
        var options = new MrcWriteOptions
        {
            VoxelSize = new Vector3(1.5f),
            Origin = new Vector3(1, -2, 3.25f),
            Labels = ["first caller label", "second"],
        };

        MrcWriter.Write(path, image, overwrite: false, options);
        var read = MrcReader.ReadImage(path, out var header);

        Assert.Equal((5, 7), (read.Height, read.Width));
        AssertBitExact(image.Data, read.Data);
        Assert.Equal((7, 5, 1), (header.Nx, header.Ny, header.Nz));
        Assert.Equal((7, 5, 1), (header.Mx, header.My, header.Mz));
        Assert.Equal(MrcMode.Float32, header.Mode);
        Assert.Equal(new Vector3(10.5f, 7.5f, 1.5f), header.CellLengths);
        Assert.Equal(new Vector3(1.5f), header.VoxelSize);
        Assert.Equal(new Vector3(90f), header.CellAngles);
        Assert.Equal((1, 2, 3), (header.MapC, header.MapR, header.MapS));
        Assert.Equal((0, 0, 0), (header.NxStart, header.NyStart, header.NzStart));
        Assert.Equal(options.Origin, header.Origin);
        Assert.Equal(0, header.SpaceGroup);
        Assert.Equal(0, header.ExtendedHeaderBytes);
        Assert.Equal("", header.ExtendedHeaderType);
        Assert.Equal(20141, header.NVersion);
        Assert.Equal(0x4444_0000u, header.MachineStamp);
        Assert.False(header.IsBigEndian);
        AssertStatistics(image.Data, header);
        Assert.Equal(3, header.Labels.Count);
        Assert.StartsWith(MrcWriter.CreatorLabelPrefix + " ", header.Labels[0]);
        Assert.EndsWith(" UTC", header.Labels[0]);
        Assert.Equal(["first caller label", "second"], header.Labels.Skip(1));

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(1024 + 35 * 4, bytes.Length);
        Assert.Equal("MAP "u8.ToArray(), bytes[208..212]);
        Assert.Equal(new byte[] { 0x44, 0x44, 0x00, 0x00 }, bytes[212..216]);
        Assert.Equal(new byte[4], bytes[104..108]);
    }

    [Fact]
    public void Volume_round_trips_bit_exactly_with_volume_header()
    {
        var volume = new Volume3D(4, 3, 5, RandomSamples(60, seed: 2));
        var path = _dir.File("volume.mrc");

        MrcWriter.Write(path, volume, overwrite: false, new MrcWriteOptions { VoxelSize = new Vector3(2f, 2f, 3f) });
        var read = MrcReader.ReadVolume(path, out var header);

        Assert.Equal((4, 3, 5), (read.Depth, read.Height, read.Width));
        AssertBitExact(volume.Data, read.Data);
        Assert.Equal(-0.5f, read[3, 2, 4], 0f); // sentinel set by RandomSamples at the last index
        Assert.Equal((5, 3, 4), (header.Nx, header.Ny, header.Nz));
        Assert.Equal((5, 3, 4), (header.Mx, header.My, header.Mz));
        Assert.Equal(1, header.SpaceGroup);
        Assert.Equal(new Vector3(10f, 6f, 12f), header.CellLengths);
        Assert.Equal(new Vector3(2f, 2f, 3f), header.VoxelSize);
        Assert.Equal(Vector3.Zero, header.Origin);
        Assert.Equal(20141, header.NVersion);
        Assert.Equal(0x4444_0000u, header.MachineStamp);
        AssertStatistics(volume.Data, header);
        Assert.Single(header.Labels);
    }

    [Fact]
    public void Float16_round_trips_within_half_precision()
    {
        var samples = RandomSamples(256, seed: 3);
        for (var i = 0; i < samples.Length; i++)
        {
            // Spread magnitudes over 1e-3 .. 1e4 to exercise the exponent range, not just the mantissa.
            samples[i] *= MathF.Pow(10, (i % 8) - 3);
        }

        var path = _dir.File("half.mrc");
        MrcWriter.Write(path, new Image2D(16, 16, samples), overwrite: false, new MrcWriteOptions { Mode = MrcMode.Float16 });
        var read = MrcReader.ReadImage(path, out var header);

        Assert.Equal(MrcMode.Float16, header.Mode);
        Assert.Equal(1024 + 256 * 2, new FileInfo(path).Length);
        for (var i = 0; i < samples.Length; i++)
        {
            // Round-to-nearest half: relative error ≤ 2⁻¹¹ for normal values, absolute ≤ 2⁻²⁵ for subnormal ones.
            var tolerance = MathF.Abs(samples[i]) * MathF.Pow(2, -11) + MathF.Pow(2, -25);
            Assert.True(MathF.Abs(read.Data[i] - samples[i]) <= tolerance, $"sample {i}: wrote {samples[i]}, read {read.Data[i]}");
        }

        // The header describes the stored (rounded) values, so it matches what a reader gets back.
        AssertStatistics(read.Data, header);
    }

    [Fact]
    public void Header_statistics_of_the_two_by_two_test_image_match_the_spec()
    {
        var path = _dir.File("2x2.mrc");
        MrcWriter.Write(path, new Image2D(2, 2, [0, 1, 2, 3]), overwrite: false);

        var header = MrcReader.ReadHeader(path);

        // Spec 13.2: dmin 0, dmax 3, dmean 1.5, rms 1.1180340 (population std of 0..3 = sqrt(1.25)).
        Assert.Equal(0f, header.DMin);
        Assert.Equal(3f, header.DMax);
        Assert.Equal(1.5f, header.DMean);
        Assert.Equal(1.1180340f, header.Rms, 1e-7f);
        Assert.Equal(Vector3.Zero, header.CellLengths);
        Assert.Equal(Vector3.Zero, header.VoxelSize);
        Assert.Equal((2, 2, 1), (header.Nx, header.Ny, header.Nz));
        Assert.Equal(0, header.SpaceGroup);
        Assert.Single(header.Labels);
    }

    [Fact]
    public void Image_rows_are_written_y_major_with_x_fastest()
    {
        var image = new Image2D(2, 3, [0, 1, 2, 10, 11, 12]);
        var path = _dir.File("layout.mrc");
        MrcWriter.Write(path, image, overwrite: false);

        var bytes = File.ReadAllBytes(path);

        Assert.Equal(3, BitConverter.ToInt32(bytes, 0));
        Assert.Equal(2, BitConverter.ToInt32(bytes, 4));
        Assert.Equal(1f, BitConverter.ToSingle(bytes, 1024 + 4)); // [y=0, x=1]
        Assert.Equal(10f, BitConverter.ToSingle(bytes, 1024 + 12)); // [y=1, x=0]
    }

    public static TheoryData<string, MrcWriteOptions> InvalidOptions => new()
    {
        { "too many labels", new MrcWriteOptions { Labels = Enumerable.Repeat("x", 10).ToArray() } },
        { "label too long", new MrcWriteOptions { Labels = [new string('x', 81)] } },
        { "non-ASCII label", new MrcWriteOptions { Labels = ["Å"] } },
        { "control character", new MrcWriteOptions { Labels = ["a\nb"] } },
        { "integer mode", new MrcWriteOptions { Mode = MrcMode.Int16 } },
        { "negative voxel size", new MrcWriteOptions { VoxelSize = new Vector3(-1f) } },
        { "NaN voxel size", new MrcWriteOptions { VoxelSize = new Vector3(float.NaN) } },
        { "infinite origin", new MrcWriteOptions { Origin = new Vector3(float.PositiveInfinity) } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_rejected_before_any_file_is_created(string reason, MrcWriteOptions options)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            MrcWriter.Write(_dir.File("bad.mrc"), new Image2D(2, 2), overwrite: true, options));

        Assert.Equal("options", ex.ParamName);
        Assert.True(_dir.EntryNames().Length == 0, reason);
    }

    [Fact]
    public void Nine_caller_labels_of_eighty_characters_fit()
    {
        var labels = Enumerable.Range(0, 9).Select(i => new string((char)('a' + i), 80)).ToArray();
        var path = _dir.File("labels.mrc");

        MrcWriter.Write(path, new Image2D(1, 1), overwrite: false, new MrcWriteOptions { Labels = labels });

        var header = MrcReader.ReadHeader(path);
        Assert.Equal(10, header.Labels.Count);
        Assert.Equal(labels, header.Labels.Skip(1));
    }

    /// <summary>Uniform samples in [-1, 1) with the last one fixed at -0.5 (a known value at the far corner).</summary>
    internal static float[] RandomSamples(int count, int seed)
    {
        var random = new Random(seed);
        var samples = new float[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = (float)(random.NextDouble() * 2 - 1);
        }

        samples[^1] = -0.5f;
        return samples;
    }

    private static void AssertBitExact(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    /// <summary>Header statistics against an independent LINQ computation: min/max exact; mean and population std
    /// to float rounding (relative 1e-6).</summary>
    private static void AssertStatistics(float[] data, MrcHeader header)
    {
        var mean = data.Average(x => (double)x);
        var std = Math.Sqrt(data.Average(x => (x - mean) * (x - mean)));
        Assert.Equal(data.Min(), header.DMin);
        Assert.Equal(data.Max(), header.DMax);
        Assert.Equal(mean, header.DMean, Math.Abs(mean) * 1e-6);
        Assert.Equal(std, header.Rms, std * 1e-6);
    }
}
