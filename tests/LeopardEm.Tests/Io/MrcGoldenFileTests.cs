using System.Numerics;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Io;

/// <summary>Files written by Python mrcfile for the golden Leopard-EM run (shared/golden/leopard-em-1).</summary>
public sealed class MrcGoldenFileTests : IDisposable
{
    private const string Micrograph = "golden/leopard-em-1/inputs/micrograph.mrc";
    private const string Template = "golden/leopard-em-1/inputs/template.mrc";
    private const string Mip = "golden/leopard-em-1/leopard-em-output/output_mip.mrc";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SharedDataFact(Micrograph)]
    public void Reads_the_golden_micrograph()
    {
        var image = MrcReader.ReadImage(SharedData.Find(Micrograph)!, out var header);

        Assert.Equal((512, 512), (image.Height, image.Width));
        Assert.Equal(MrcMode.Float32, header.Mode);
        Assert.Equal(new Vector3(1.5f), header.VoxelSize);
        Assert.All(image.Data, x => Assert.True(float.IsFinite(x)));
        AssertHeaderDescribes(image.Data, header);
    }

    [SharedDataFact(Template)]
    public void Reads_the_golden_template_volume()
    {
        var volume = MrcReader.ReadVolume(SharedData.Find(Template)!, out var header);

        Assert.Equal((128, 128, 128), (volume.Depth, volume.Height, volume.Width));
        Assert.True(volume.IsCubic);
        Assert.Equal(1, header.SpaceGroup);
        Assert.Equal(new Vector3(1.5f), header.VoxelSize);
        Assert.All(volume.Data, x => Assert.True(float.IsFinite(x)));
        AssertHeaderDescribes(volume.Data, header);
    }

    [SharedDataFact(Mip)]
    public void Reads_a_golden_output_map()
    {
        var image = MrcReader.ReadImage(SharedData.Find(Mip)!, out var header);

        Assert.Equal((385, 385), (image.Height, image.Width));
        Assert.Equal(Vector3.Zero, header.VoxelSize); // Leopard-EM writes no pixel size
        Assert.Equal(20141, header.NVersion);
        Assert.StartsWith("Created by mrcfile.py", header.Labels.Single());
        Assert.All(image.Data, x => Assert.True(float.IsFinite(x)));
    }

    [SharedDataFact(Mip)]
    public void Rewriting_a_golden_map_reproduces_the_mrcfile_header()
    {
        var golden = MrcReader.ReadImage(SharedData.Find(Mip)!, out var goldenHeader);
        var path = _dir.File("mip.mrc");

        MrcWriter.Write(path, golden, overwrite: false);
        var ours = MrcReader.ReadImage(path, out var header);

        Assert.Equal(golden.Data, ours.Data);
        Assert.Equal((goldenHeader.Nx, goldenHeader.Ny, goldenHeader.Nz), (header.Nx, header.Ny, header.Nz));
        Assert.Equal((goldenHeader.Mx, goldenHeader.My, goldenHeader.Mz), (header.Mx, header.My, header.Mz));
        Assert.Equal(goldenHeader.CellLengths, header.CellLengths);
        Assert.Equal(goldenHeader.CellAngles, header.CellAngles);
        Assert.Equal((goldenHeader.MapC, goldenHeader.MapR, goldenHeader.MapS), (header.MapC, header.MapR, header.MapS));
        Assert.Equal(goldenHeader.SpaceGroup, header.SpaceGroup);
        Assert.Equal(goldenHeader.NVersion, header.NVersion);
        Assert.Equal(goldenHeader.MachineStamp, header.MachineStamp);
        Assert.Equal(goldenHeader.DMin, header.DMin);
        Assert.Equal(goldenHeader.DMax, header.DMax);
        // mrcfile sums in float32 (pairwise), we in double: equal to float rounding.
        Assert.Equal(goldenHeader.DMean, header.DMean, goldenHeader.Rms * 1e-5f);
        Assert.Equal(goldenHeader.Rms, header.Rms, goldenHeader.Rms * 1e-5f);
    }

    /// <summary>mrcfile's header statistics agree with the data as we read them: min/max exactly, mean and std to
    /// 1e-5 of the std (mrcfile accumulates in float32).</summary>
    private static void AssertHeaderDescribes(float[] data, MrcHeader header)
    {
        var mean = data.Average(x => (double)x);
        var std = Math.Sqrt(data.Average(x => (x - mean) * (x - mean)));
        Assert.Equal(data.Min(), header.DMin);
        Assert.Equal(data.Max(), header.DMax);
        Assert.Equal(mean, header.DMean, std * 1e-5);
        Assert.Equal(std, header.Rms, std * 1e-5);
    }
}
