using LeopardEm.Io;

namespace LeopardEm.Particles;

/// <summary>
/// Leopard-EM's refined particle table (<c>REFINED_DF_COLUMN_ORDER</c>, spec §3.5): the refined_* columns from the
/// refinement, every other column carried through unchanged from the input table (empty when the input lacks it).
/// </summary>
public static class RefinedParticleColumns
{
    private static readonly Dictionary<string, Func<RefinedParticle, object?>> Refined = new(StringComparer.Ordinal)
    {
        ["refined_mip"] = p => p.Refinement.CrossCorrelation,
        ["refined_scaled_mip"] = p => p.Refinement.ZScore,
        ["refined_pos_x"] = p => p.X,
        ["refined_pos_y"] = p => p.Y,
        ["refined_pos_x_img"] = p => p.CentreX,
        ["refined_pos_y_img"] = p => p.CentreY,
        ["refined_pos_x_img_angstrom"] = p => p.CentreXAngstrom,
        ["refined_pos_y_img_angstrom"] = p => p.CentreYAngstrom,
        ["refined_phi"] = p => (float)p.Refinement.Orientation.Phi,
        ["refined_theta"] = p => (float)p.Refinement.Orientation.Theta,
        ["refined_psi"] = p => (float)p.Refinement.Orientation.Psi,
        ["refined_relative_defocus"] = p => p.RelativeDefocus,
        ["refined_pixel_size"] = p => p.PixelSize,
    };

    /// <summary>The columns, in Leopard-EM's order.</summary>
    public static readonly IReadOnlyList<ParticleColumn<RefinedParticle>> All =
    [
        .. ParticleColumns.Refined.Select(name => new ParticleColumn<RefinedParticle>(
            name, Refined.TryGetValue(name, out var value) ? value : p => p.Source.Cells.GetValueOrDefault(name))),
    ];

    /// <summary>The table of <paramref name="particles"/>, one row each, in order.</summary>
    public static ParticleTable ToTable(IEnumerable<RefinedParticle> particles) => ParticleTables.Of(All, particles);
}
