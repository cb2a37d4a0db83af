using System.Numerics;
using LeopardEm.Imaging;
using LeopardEm.Io;

namespace LeopardEm.Outputs;

/// <summary>An image of the result written as a float32 MRC file with the given pixel size and label.</summary>
/// <typeparam name="TResult">What the job produces.</typeparam>
public sealed class MrcOutput<TResult> : IOutputWriter<TResult>
{
    private readonly Func<TResult, Image2D> _image;
    private readonly MrcWriteOptions _options;

    /// <summary>Declares the output.</summary>
    /// <param name="target">Where it goes.</param>
    /// <param name="image">The image of a result.</param>
    /// <param name="pixelSize">Pixel size written to the header, Å.</param>
    /// <param name="label">Header label saying what the map holds (printable ASCII, ≤ 80 characters).</param>
    public MrcOutput(OutputTarget target, Func<TResult, Image2D> image, double pixelSize, string label)
    {
        Target = target ?? throw new ArgumentNullException(nameof(target));
        _image = image ?? throw new ArgumentNullException(nameof(image));
        var voxel = (float)pixelSize;
        _options = new MrcWriteOptions { VoxelSize = new Vector3(voxel, voxel, voxel), Labels = [label] };
    }

    /// <inheritdoc />
    public OutputTarget Target { get; }

    /// <inheritdoc />
    public void Write(Stream stream, TResult result) => MrcWriter.WriteTo(stream, _image(result), _options);
}
