using LeopardEm.Imaging;
using LeopardEm.Io;

namespace LeopardEm.Tests.Io;

public sealed class MrcStackWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_stack_round_trips_with_relions_stack_header()
    {
        var random = new Random(4);
        Image2D[] images = [.. Enumerable.Range(0, 3).Select(_ => new Image2D(5, 7, [.. Enumerable.Range(0, 35).Select(_ => (float)random.NextDouble())]))];
        var path = _dir.File("s.mrcs");

        MrcWriter.WriteStack(path, images, overwrite: false, new MrcWriteOptions { VoxelSize = new System.Numerics.Vector3(2f) });
        var read = MrcReader.ReadStack(path, out var header);

        Assert.Equal((7, 5, 3), (header.Nx, header.Ny, header.Nz));
        Assert.Equal((7, 5, 1), (header.Mx, header.My, header.Mz));
        Assert.Equal(0, header.SpaceGroup);
        Assert.Equal(new System.Numerics.Vector3(14, 10, 2), header.CellLengths);
        for (var i = 0; i < images.Length; i++)
        {
            Assert.Equal(images[i].Data, read[i].Data);
        }
    }

    [Fact]
    public void Empty_or_ragged_stacks_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MrcWriter.WriteStack(_dir.File("e.mrcs"), [], overwrite: false));
        Assert.Throws<ArgumentException>(() => MrcWriter.WriteStack(_dir.File("r.mrcs"), [new Image2D(4, 4), new Image2D(4, 5)], overwrite: false));
        Assert.Empty(_dir.EntryNames());
    }
}
