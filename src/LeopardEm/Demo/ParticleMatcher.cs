namespace LeopardEm.Demo;

/// <summary>Pairs planted particles with found ones by position.</summary>
public static class ParticleMatcher
{
    /// <summary>Default pairing distance, pixels: well below the peak picker's suppression radius plus a box, well
    /// above the sub-pixel error of a correct detection.</summary>
    public const double DefaultMaxDistance = 4.0;

    /// <summary>
    /// Pairs each planted particle with at most one found particle whose centre lies within
    /// <paramref name="maxDistance"/> pixels, closest pairs first (ties: lower planted index, then the earlier found
    /// particle, i.e. the higher z-score).
    /// </summary>
    /// <param name="planted">The truth.</param>
    /// <param name="found">What the search reported.</param>
    /// <param name="maxDistance">Largest centre distance of a pair, pixels.</param>
    public static RecoveryReport Match(
        IReadOnlyList<PlantedParticle> planted, IReadOnlyList<FoundParticle> found, double maxDistance = DefaultMaxDistance)
    {
        ArgumentNullException.ThrowIfNull(planted);
        ArgumentNullException.ThrowIfNull(found);
        var candidates =
            from p in Enumerable.Range(0, planted.Count)
            from f in Enumerable.Range(0, found.Count)
            let distance = Math.Sqrt(Math.Pow(planted[p].X - found[f].X, 2) + Math.Pow(planted[p].Y - found[f].Y, 2))
            where distance <= maxDistance
            orderby distance, p, f
            select (Planted: p, Found: f);

        var pairedWith = new int?[planted.Count];
        var taken = new bool[found.Count];
        foreach (var (p, f) in candidates)
        {
            if (pairedWith[p] is null && !taken[f])
            {
                pairedWith[p] = f;
                taken[f] = true;
            }
        }

        var matches = planted.Select((particle, i) => new ParticleMatch(particle, pairedWith[i] is { } f ? found[f] : null)).ToList();
        var unpaired = found.Where((_, i) => !taken[i]).ToList();
        return new RecoveryReport(matches, unpaired);
    }
}
