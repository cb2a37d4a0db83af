using LeopardEm.Io;

namespace LeopardEm.Outputs;

/// <summary>A particle table of the result written as CSV in pandas' layout (<see cref="ParticleTableCsv"/>).</summary>
/// <typeparam name="TResult">What the job produces.</typeparam>
/// <param name="target">Where it goes.</param>
/// <param name="table">The table of a result.</param>
public sealed class ParticleCsvOutput<TResult>(OutputTarget target, Func<TResult, ParticleTable> table) : IOutputWriter<TResult>
{
    /// <inheritdoc />
    public OutputTarget Target { get; } = target ?? throw new ArgumentNullException(nameof(target));

    /// <inheritdoc />
    public void Write(Stream stream, TResult result) => ParticleTableCsv.WriteTo(stream, table(result));
}
