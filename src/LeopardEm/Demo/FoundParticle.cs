using LeopardEm.Orientations;
using LeopardEm.Peaks;
using LeopardEm.Search;

namespace LeopardEm.Demo;

/// <summary>A particle a search reported: a picked peak with the best orientation and defocus at its pixel.</summary>
/// <param name="X">Particle centre, column (map column + N/2), pixels.</param>
/// <param name="Y">Particle centre, row (map row + N/2), pixels.</param>
/// <param name="Orientation">Best orientation, ZYZ Euler angles in degrees.</param>
/// <param name="RelativeDefocus">Best relative defocus, Å.</param>
/// <param name="ZScore">The z-score (scaled MIP) at the peak.</param>
public sealed record FoundParticle(int X, int Y, EulerAngles Orientation, double RelativeDefocus, double ZScore)
{
    /// <summary>The particles of picked peaks, in the peaks' order.</summary>
    /// <param name="peaks">Peaks of the z-score map (map coordinates: template top-left corner).</param>
    /// <param name="maps">The maps the peaks were picked from.</param>
    /// <param name="templateSize">Template edge N, pixels.</param>
    public static IReadOnlyList<FoundParticle> FromSearch(IReadOnlyList<Peak> peaks, SearchResultMaps maps, int templateSize)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        ArgumentNullException.ThrowIfNull(maps);
        return [.. peaks.Select(p => new FoundParticle(
            p.X + templateSize / 2,
            p.Y + templateSize / 2,
            new EulerAngles(maps.Phi[p.Y, p.X], maps.Theta[p.Y, p.X], maps.Psi[p.Y, p.X]),
            maps.RelativeDefocus[p.Y, p.X],
            p.ZScore))];
    }
}
