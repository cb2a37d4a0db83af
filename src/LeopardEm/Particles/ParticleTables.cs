using LeopardEm.Io;

namespace LeopardEm.Particles;

/// <summary>Turns typed particle rows into a <see cref="ParticleTable"/> through a column map.</summary>
public static class ParticleTables
{
    /// <summary>One row per particle, one column per entry of <paramref name="columns"/>, in order.</summary>
    public static ParticleTable Of<T>(IReadOnlyList<ParticleColumn<T>> columns, IEnumerable<T> particles)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(particles);
        var table = new ParticleTable(columns.Select(c => c.Name));
        foreach (var particle in particles)
        {
            table.AddRow([.. columns.Select(c => c.Value(particle))]);
        }

        return table;
    }
}
