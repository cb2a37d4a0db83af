using System.Numerics;
using LeopardEm.Imaging;
using LeopardEm.Io;

namespace LeopardEm.Outputs;

/// <summary>An image or volume of the result written as a float32 MRC file with the given pixel size and label.</summary>
/// <typeparam name="TResult">What the job produces.</typeparam>
public sealed class MrcOutput<TResult> : IOutputWriter<TResult>
{
    private readonly Action<Stream, TResult, MrcWriteOptions> _write;
    private readonly MrcWriteOptions _options;

    /// <summary>Declares an image output.</summary>
    /// <param name="target">Where it goes.</param>
    /// <param name="image">The image of a result.</param>
    /// <param name="pixelSize">Pixel size written to the header, Å.</param>
    /// <param name="label">Header label saying what the map holds (printable ASCII, ≤ 80 characters).</param>
    public MrcOutput(OutputTarget target, Func<TResult, Image2D> image, double pixelSize, string label)
        : this(target, pixelSize, label, (stream, result, options) => MrcWriter.WriteTo(stream, image(result), options))
    {
        ArgumentNullException.ThrowIfNull(image);
    }

    /// <summary>Declares a volume output.</summary>
    /// <param name="target">Where it goes.</param>
    /// <param name="volume">The volume of a result.</param>
    /// <param name="voxelSize">Voxel size written to the header, Å.</param>
    /// <param name="label">Header label saying what the volume holds (printable ASCII, ≤ 80 characters).</param>
    public MrcOutput(OutputTarget target, Func<TResult, Volume3D> volume, double voxelSize, string label)
        : this(target, voxelSize, label, (stream, result, options) => MrcWriter.WriteTo(stream, volume(result), options))
    {
        ArgumentNullException.ThrowIfNull(volume);
    }

    private MrcOutput(OutputTarget target, double pixelSize, string label, Action<Stream, TResult, MrcWriteOptions> write)
    {
        Target = target ?? throw new ArgumentNullException(nameof(target));
        _write = write;
        var voxel = (float)pixelSize;
        _options = new MrcWriteOptions { VoxelSize = new Vector3(voxel, voxel, voxel), Labels = [label] };
    }

    /// <inheritdoc />
    public OutputTarget Target { get; }

    /// <inheritdoc />
    public void Write(Stream stream, TResult result) => _write(stream, result, _options);
}
