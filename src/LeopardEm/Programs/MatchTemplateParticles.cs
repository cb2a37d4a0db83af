using LeopardEm.Io;
using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// Builds Leopard-EM's particle table (<c>results_to_dataframe</c>, spec §12.2) from picked peaks: same columns, same
/// order, same meaning. <c>pos_x</c>/<c>pos_y</c> are the template's top-left corner in the micrograph;
/// <c>pos_x_img</c>/<c>pos_y_img</c> the particle centre (corner + N/2).
/// </summary>
public static class MatchTemplateParticles
{
    /// <summary>The columns, in Leopard-EM's order (<see cref="ParticleColumns.MatchTemplate"/>).</summary>
    public static IReadOnlyList<string> Columns => ParticleColumns.MatchTemplate;

    /// <summary>Builds the table.</summary>
    /// <param name="peaks">Picked peaks (map coordinates).</param>
    /// <param name="maps">The result maps the peaks were picked from.</param>
    /// <param name="settings">The run's settings (optics and paths are copied into every row).</param>
    /// <param name="templateSize">Template edge N, pixels (the centre is corner + N/2).</param>
    public static ParticleTable Build(IReadOnlyList<Peak> peaks, SearchResultMaps maps, MatchTemplateSettings settings, int templateSize)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(settings);
        var optics = settings.OpticsGroup;
        var paths = settings.MatchTemplateResult;
        var table = new ParticleTable(Columns);
        for (var i = 0; i < peaks.Count; i++)
        {
            var (y, x, _) = peaks[i];
            var centreX = x + templateSize / 2;
            var centreY = y + templateSize / 2;
            table.Add(new Dictionary<string, object?>
            {
                ["particle_index"] = i,
                ["mip"] = maps.Mip[y, x],
                ["scaled_mip"] = maps.ScaledMip[y, x],
                ["correlation_mean"] = maps.CorrelationMean[y, x],
                ["correlation_variance"] = maps.CorrelationStandardDeviation[y, x],
                ["total_correlations"] = maps.TotalCorrelations,
                ["pos_x"] = x,
                ["pos_y"] = y,
                ["pos_x_img"] = centreX,
                ["pos_y_img"] = centreY,
                ["pos_x_img_angstrom"] = centreX * optics.PixelSize,
                ["pos_y_img_angstrom"] = centreY * optics.PixelSize,
                ["phi"] = maps.Phi[y, x],
                ["theta"] = maps.Theta[y, x],
                ["psi"] = maps.Psi[y, x],
                ["relative_defocus"] = maps.RelativeDefocus[y, x],
                ["defocus_u"] = optics.DefocusU,
                ["defocus_v"] = optics.DefocusV,
                ["astigmatism_angle"] = optics.AstigmatismAngle,
                ["pixel_size"] = optics.PixelSize,
                // Kept as float32 so an unsearched 1.06 Å is written "1.06", as upstream, not 1.059999942779541.
                ["refined_pixel_size"] = maps.PixelSize[y, x],
                ["voltage"] = optics.Voltage,
                ["spherical_aberration"] = optics.SphericalAberration,
                ["amplitude_contrast_ratio"] = optics.AmplitudeContrastRatio,
                ["phase_shift"] = optics.PhaseShift,
                ["ctf_B_factor"] = optics.CtfBFactor,
                ["even_zernikes"] = Json(optics.EvenZernikes),
                ["odd_zernikes"] = Json(optics.OddZernikes),
                ["mag_matrix"] = optics.MagMatrix is { } m ? "[" + string.Join(", ", m.Select(PythonNumberFormat.Format)) + "]" : null,
                ["micrograph_path"] = settings.MicrographPath,
                ["template_path"] = settings.TemplateVolumePath,
                ["mip_path"] = paths.MipPath,
                ["scaled_mip_path"] = paths.ScaledMipPath,
                ["psi_path"] = paths.OrientationPsiPath,
                ["theta_path"] = paths.OrientationThetaPath,
                ["phi_path"] = paths.OrientationPhiPath,
                ["defocus_path"] = paths.RelativeDefocusPath,
                ["correlation_average_path"] = paths.CorrelationAveragePath,
                ["correlation_variance_path"] = paths.CorrelationVariancePath,
            });
        }

        return table;
    }

    // pandas writes the dict with json.dumps: {"Z44c": 0.1, ...}.
    private static string? Json(IEnumerable<KeyValuePair<string, double>>? map) =>
        map is null
            ? null
            : "{" + string.Join(", ", map.Select(kv => $"\"{kv.Key}\": {PythonNumberFormat.Format(kv.Value)}")) + "}";
}
