using LeopardEm.Io;

namespace LeopardEm.Particles;

/// <summary>Leopard-EM's match_template particle table (<c>MATCH_TEMPLATE_DF_COLUMN_ORDER</c>, spec §10.2): every
/// column in order and how a <see cref="MatchTemplateParticle"/> fills it.</summary>
public static class MatchTemplateParticleColumns
{
    /// <summary>The columns, in Leopard-EM's order.</summary>
    public static readonly IReadOnlyList<ParticleColumn<MatchTemplateParticle>> All =
    [
        new("particle_index", p => p.Index),
        new("mip", p => p.Mip),
        new("scaled_mip", p => p.ZScore),
        new("correlation_mean", p => p.CorrelationMean),
        new("correlation_variance", p => p.CorrelationStandardDeviation),
        new("total_correlations", p => p.TotalCorrelations),
        new("pos_x", p => p.X),
        new("pos_y", p => p.Y),
        new("pos_x_img", p => p.CentreX),
        new("pos_y_img", p => p.CentreY),
        new("pos_x_img_angstrom", p => p.CentreX * p.Settings.OpticsGroup.PixelSize),
        new("pos_y_img_angstrom", p => p.CentreY * p.Settings.OpticsGroup.PixelSize),
        new("phi", p => p.Phi),
        new("theta", p => p.Theta),
        new("psi", p => p.Psi),
        new("relative_defocus", p => p.RelativeDefocus),
        new("defocus_u", p => p.Settings.OpticsGroup.DefocusU),
        new("defocus_v", p => p.Settings.OpticsGroup.DefocusV),
        new("astigmatism_angle", p => p.Settings.OpticsGroup.AstigmatismAngle),
        new("pixel_size", p => p.Settings.OpticsGroup.PixelSize),
        new("refined_pixel_size", p => p.PixelSize),
        new("voltage", p => p.Settings.OpticsGroup.Voltage),
        new("spherical_aberration", p => p.Settings.OpticsGroup.SphericalAberration),
        new("amplitude_contrast_ratio", p => p.Settings.OpticsGroup.AmplitudeContrastRatio),
        new("phase_shift", p => p.Settings.OpticsGroup.PhaseShift),
        new("ctf_B_factor", p => p.Settings.OpticsGroup.CtfBFactor),
        new("even_zernikes", p => Json(p.Settings.OpticsGroup.EvenZernikes)),
        new("odd_zernikes", p => Json(p.Settings.OpticsGroup.OddZernikes)),
        new("mag_matrix", p => p.Settings.OpticsGroup.MagMatrix is { } m ? "[" + string.Join(", ", m.Select(PythonNumberFormat.Format)) + "]" : null),
        new("micrograph_path", p => p.Settings.MicrographPath),
        new("template_path", p => p.Settings.TemplateVolumePath),
        new("mip_path", p => p.Settings.MatchTemplateResult.MipPath),
        new("scaled_mip_path", p => p.Settings.MatchTemplateResult.ScaledMipPath),
        new("psi_path", p => p.Settings.MatchTemplateResult.OrientationPsiPath),
        new("theta_path", p => p.Settings.MatchTemplateResult.OrientationThetaPath),
        new("phi_path", p => p.Settings.MatchTemplateResult.OrientationPhiPath),
        new("defocus_path", p => p.Settings.MatchTemplateResult.RelativeDefocusPath),
        new("correlation_average_path", p => p.Settings.MatchTemplateResult.CorrelationAveragePath),
        new("correlation_variance_path", p => p.Settings.MatchTemplateResult.CorrelationVariancePath),
    ];

    /// <summary>The table of <paramref name="particles"/>, one row each, in order.</summary>
    public static ParticleTable ToTable(IEnumerable<MatchTemplateParticle> particles) => ParticleTables.Of(All, particles);

    // pandas writes the dict with json.dumps: {"Z44c": 0.1, ...}.
    private static string? Json(IEnumerable<KeyValuePair<string, double>>? map) =>
        map is null
            ? null
            : "{" + string.Join(", ", map.Select(kv => $"\"{kv.Key}\": {PythonNumberFormat.Format(kv.Value)}")) + "}";
}
