using System.Numerics;
using LeopardEm.Imaging;
using LeopardEm.Io;

namespace LeopardEm.Outputs;

/// <summary>A volume of the result written as a float32 MRC file whose voxel size and label come from the result too
/// (for volumes whose voxel size is only known after the run, such as optimize_template's best template; see
/// <see cref="MrcOutput{TResult}"/> when it is known before).</summary>
/// <typeparam name="TResult">What the job produces.</typeparam>
/// <param name="target">Where it goes.</param>
/// <param name="volume">The volume of a result, its voxel size in Å and a header label (printable ASCII, ≤ 80
/// characters).</param>
public sealed class VolumeOutput<TResult>(OutputTarget target, Func<TResult, (Volume3D Volume, double VoxelSize, string Label)> volume)
    : IOutputWriter<TResult>
{
    /// <inheritdoc />
    public OutputTarget Target { get; } = target ?? throw new ArgumentNullException(nameof(target));

    /// <inheritdoc />
    public void Write(Stream stream, TResult result)
    {
        var (data, voxelSize, label) = volume(result);
        var voxel = (float)voxelSize;
        MrcWriter.WriteTo(stream, data, new MrcWriteOptions { VoxelSize = new Vector3(voxel, voxel, voxel), Labels = [label] });
    }
}
