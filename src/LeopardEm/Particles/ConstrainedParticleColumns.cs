using LeopardEm.Io;

namespace LeopardEm.Particles;

/// <summary>
/// Leopard-EM's constrained-search table (<c>CONSTRAINED_DF_COLUMN_ORDER</c>, other_programs spec §10.4): the refine
/// table of each B match (<see cref="RefinedParticleColumns"/> over <see cref="ConstrainedParticle.Found"/>) with
/// <c>original_offset_phi/theta/psi</c> after <c>refined_psi</c>. Other columns are A's, carried through, except the
/// statistics-map paths, which name B's maps (the ones the z-scores use), as upstream writes them.
/// </summary>
public static class ConstrainedParticleColumns
{
    private static readonly Dictionary<string, Func<ConstrainedParticle, object?>> Overrides = new(StringComparer.Ordinal)
    {
        ["correlation_average_path"] = p => p.Start.CorrelationAveragePath,
        ["correlation_variance_path"] = p => p.Start.CorrelationStandardDeviationPath,
    };

    private static readonly ParticleColumn<ConstrainedParticle>[] RawOffsets =
    [
        new("original_offset_phi", p => (float)p.RawOffset.Phi),
        new("original_offset_theta", p => (float)p.RawOffset.Theta),
        new("original_offset_psi", p => (float)p.RawOffset.Psi),
    ];

    /// <summary>The columns, in Leopard-EM's order.</summary>
    public static readonly IReadOnlyList<ParticleColumn<ConstrainedParticle>> All = [.. Build()];

    /// <summary>The table of <paramref name="particles"/>, one row each, in order.</summary>
    public static ParticleTable ToTable(IEnumerable<ConstrainedParticle> particles) => ParticleTables.Of(All, particles);

    private static IEnumerable<ParticleColumn<ConstrainedParticle>> Build()
    {
        foreach (var column in RefinedParticleColumns.All)
        {
            yield return new ParticleColumn<ConstrainedParticle>(
                column.Name, Overrides.TryGetValue(column.Name, out var value) ? value : p => column.Value(p.Found));
            if (column.Name == "refined_psi")
            {
                foreach (var offset in RawOffsets)
                {
                    yield return offset;
                }
            }
        }
    }
}
