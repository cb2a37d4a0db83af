using LeopardEm.Shards;

namespace LeopardEm.Outputs;

/// <summary>A partial result (a shard of a search) written in leopard's partial format (<see cref="PartialResultFile"/>).</summary>
/// <param name="target">Where it goes.</param>
public sealed class PartialOutput(OutputTarget target) : IOutputWriter<PartialResult>
{
    /// <inheritdoc />
    public OutputTarget Target { get; } = target ?? throw new ArgumentNullException(nameof(target));

    /// <inheritdoc />
    public void Write(Stream stream, PartialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        PartialResultFile.Write(stream, result.Header, result.Statistics);
    }
}
