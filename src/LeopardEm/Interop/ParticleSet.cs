namespace LeopardEm.Interop;

/// <summary>Particles with their optics groups: what a RELION 3.1 particle STAR file holds.</summary>
/// <param name="Optics">The optics groups; numbers and names unique.</param>
/// <param name="Particles">The particles, each referring to one of <paramref name="Optics"/>.</param>
/// <param name="FigureOfMeritName">What <see cref="ParticleRecord.FigureOfMerit"/> is (e.g. <c>scaled_mip</c> for the
/// 2DTM z-score, <c>refined_scaled_mip</c> after refinement, or <c>neg_log_p</c> for −ln p); null when the particles
/// carry no score.</param>
public sealed record ParticleSet(
    IReadOnlyList<ParticleOptics> Optics,
    IReadOnlyList<ParticleRecord> Particles,
    string? FigureOfMeritName = null)
{
    /// <summary>The optics group numbered <paramref name="number"/>.</summary>
    /// <exception cref="KeyNotFoundException">No group has that number.</exception>
    public ParticleOptics OpticsOf(int number) =>
        Optics.FirstOrDefault(o => o.Number == number)
        ?? throw new KeyNotFoundException($"There is no optics group {number} (groups: {string.Join(", ", Optics.Select(o => o.Number))}).");
}
