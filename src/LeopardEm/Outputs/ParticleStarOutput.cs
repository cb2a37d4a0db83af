using LeopardEm.Interop;

namespace LeopardEm.Outputs;

/// <summary>The particles of the result written as a RELION 3.1 particle STAR file (<see cref="RelionParticleStar"/>).</summary>
/// <typeparam name="TResult">What the job produces.</typeparam>
/// <param name="target">Where it goes.</param>
/// <param name="particles">The particles of a result, laid out for <paramref name="target"/>'s folder (see
/// <see cref="ParticleStarExport"/>).</param>
public sealed class ParticleStarOutput<TResult>(OutputTarget target, Func<TResult, ParticleSet> particles) : IOutputWriter<TResult>
{
    /// <inheritdoc />
    public OutputTarget Target { get; } = target ?? throw new ArgumentNullException(nameof(target));

    /// <inheritdoc />
    public void Write(Stream stream, TResult result) => StarWriter.WriteTo(stream, RelionParticleStar.ToStar(particles(result)));
}
