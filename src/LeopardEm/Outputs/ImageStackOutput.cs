using System.Numerics;
using LeopardEm.Imaging;
using LeopardEm.Io;

namespace LeopardEm.Outputs;

/// <summary>Images of the result written as one MRC stack (a RELION <c>.mrcs</c>: one section per image, in
/// order).</summary>
/// <typeparam name="TResult">What the job produces.</typeparam>
/// <param name="target">Where it goes.</param>
/// <param name="images">The images of a result, at least one, all of one size.</param>
/// <param name="pixelSize">Pixel size of a result's images, Å, written to the header.</param>
public sealed class ImageStackOutput<TResult>(
    OutputTarget target, Func<TResult, IReadOnlyList<Image2D>> images, Func<TResult, double> pixelSize) : IOutputWriter<TResult>
{
    /// <inheritdoc />
    public OutputTarget Target { get; } = target ?? throw new ArgumentNullException(nameof(target));

    /// <inheritdoc />
    public void Write(Stream stream, TResult result) =>
        MrcWriter.WriteStackTo(stream, images(result), new MrcWriteOptions { VoxelSize = new Vector3((float)pixelSize(result)) });
}
