using LeopardEm.Search;

namespace LeopardEm.Shards;

/// <summary>
/// Checks that a set of partial results is exactly one search, split into parts that tile it, and merges them. Every
/// part that does not belong is named: another search (fingerprints, sizes), an incomplete part, a duplicate, an
/// overlap, and every range that no part covers. Parts are merged in range order, so the merged sums do not depend on
/// the order the files were given in; MIP and best index are exact (ties to the lowest global index).
/// </summary>
public static class PartialSet
{
    /// <summary>Merges <paramref name="parts"/> (file, content) of the search identified by the fingerprints.</summary>
    /// <param name="parts">The parts and the files they came from.</param>
    /// <param name="searchFingerprint">The search's fingerprint (settings and input contents).</param>
    /// <param name="spaceFingerprint">The search space's fingerprint.</param>
    /// <param name="total">Global search indices of the search.</param>
    /// <param name="height">Rows of the statistics region.</param>
    /// <param name="width">Columns of the statistics region.</param>
    /// <exception cref="PartialResultException">Listing every problem of the set.</exception>
    public static SearchStatistics Merge(
        IReadOnlyList<(string Path, PartialResult Part)> parts, string searchFingerprint, string spaceFingerprint, int total, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var problems = new List<string>();
        var usable = new List<(string Path, PartialResult Part)>();
        foreach (var (path, part) in parts)
        {
            var h = part.Header;
            if (h.SearchFingerprint != searchFingerprint || h.SearchSpaceFingerprint != spaceFingerprint)
            {
                problems.Add($"'{path}' is a part of another search (its settings, micrograph or template differ from this configuration's)");
            }
            else if (h.Total != total || h.Height != height || h.Width != width)
            {
                problems.Add($"'{path}' covers {h.Total} correlations over {h.Width} x {h.Height} px, not this search's {total} over {width} x {height} px");
            }
            else if (h.Count != h.RangeCount)
            {
                problems.Add($"'{path}' holds {h.Count} of its {h.RangeCount} correlations: an unfinished part (a checkpoint?)");
            }
            else
            {
                usable.Add((path, part));
            }
        }

        var ordered = usable.OrderBy(p => p.Part.Header.RangeStart).ThenBy(p => p.Part.Header.RangeCount).ToList();
        var next = 0;
        (string Path, PartialResult Part)? previous = null;
        foreach (var current in ordered)
        {
            var range = current.Part.Range;
            if (previous is { } before && before.Part.Range == range)
            {
                problems.Add($"'{current.Path}' duplicates '{before.Path}' (indices [{range.Start}, {range.End}))");
            }
            else if (range.Start < next && previous is { } overlapped)
            {
                problems.Add($"'{current.Path}' (indices [{range.Start}, {range.End})) overlaps '{overlapped.Path}' (up to {next})");
            }
            else if (range.Start > next)
            {
                problems.Add($"no part covers indices [{next}, {range.Start})");
            }

            next = Math.Max(next, range.End);
            previous = current;
        }

        if (next < total)
        {
            problems.Add($"no part covers indices [{next}, {total})");
        }

        if (problems.Count > 0)
        {
            throw new PartialResultException(
                $"The {parts.Count} partial result(s) do not make up this search exactly:\n  " + string.Join("\n  ", problems));
        }

        var merged = new SearchStatistics(height, width);
        foreach (var (_, part) in ordered)
        {
            merged.Merge(part.Statistics);
        }

        return merged;
    }
}
