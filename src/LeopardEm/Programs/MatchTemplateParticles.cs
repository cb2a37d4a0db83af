using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// Builds Leopard-EM's particles (<c>results_to_dataframe</c>, spec §12.2) from picked peaks: the map values at each
/// peak; <see cref="MatchTemplateParticleColumns"/> writes them with Leopard-EM's columns.
/// </summary>
public static class MatchTemplateParticles
{
    /// <summary>One particle per pick of <see cref="ParticlePicker"/>, in pick order (any metric: only the positions
    /// are used, the values come from the maps).</summary>
    /// <param name="picks">Picks (map coordinates).</param>
    /// <param name="maps">The result maps the picks were made in.</param>
    /// <param name="settings">The run's settings (optics and paths are copied into every row).</param>
    /// <param name="templateSize">Template edge N, pixels (the centre is corner + N/2).</param>
    public static IReadOnlyList<MatchTemplateParticle> Build(
        IReadOnlyList<MetricPick> picks, SearchResultMaps maps, MatchTemplateSettings settings, int templateSize)
    {
        ArgumentNullException.ThrowIfNull(picks);
        return Build([.. picks.Select(p => new Peak(p.Y, p.X, p.ZScore))], maps, settings, templateSize);
    }

    /// <summary>One particle per peak, in peak order.</summary>
    /// <param name="peaks">Picked peaks (map coordinates).</param>
    /// <param name="maps">The result maps the peaks were picked from.</param>
    /// <param name="settings">The run's settings (optics and paths are copied into every row).</param>
    /// <param name="templateSize">Template edge N, pixels (the centre is corner + N/2).</param>
    public static IReadOnlyList<MatchTemplateParticle> Build(
        IReadOnlyList<Peak> peaks, SearchResultMaps maps, MatchTemplateSettings settings, int templateSize)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(settings);
        return [.. peaks.Select((peak, i) => new MatchTemplateParticle
        {
            Index = i,
            Mip = maps.Mip[peak.Y, peak.X],
            ZScore = maps.ScaledMip[peak.Y, peak.X],
            CorrelationMean = maps.CorrelationMean[peak.Y, peak.X],
            CorrelationStandardDeviation = maps.CorrelationStandardDeviation[peak.Y, peak.X],
            TotalCorrelations = maps.TotalCorrelations,
            X = peak.X,
            Y = peak.Y,
            TemplateSize = templateSize,
            Phi = maps.Phi[peak.Y, peak.X],
            Theta = maps.Theta[peak.Y, peak.X],
            Psi = maps.Psi[peak.Y, peak.X],
            RelativeDefocus = maps.RelativeDefocus[peak.Y, peak.X],
            PixelSize = maps.PixelSize[peak.Y, peak.X],
            Settings = settings,
        })];
    }
}
