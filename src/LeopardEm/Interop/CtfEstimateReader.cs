using System.Globalization;

namespace LeopardEm.Interop;

/// <summary>
/// Reads a micrograph's CTF from either kind of file a user has: a CTFFIND4 results file or a RELION micrograph CTF
/// STAR file, told apart by content (a STAR file's first item is a <c>data_</c> block), and picks the estimate of one
/// micrograph.
/// </summary>
public static class CtfEstimateReader
{
    /// <summary>Every estimate in the file, in file order.</summary>
    /// <exception cref="StarFormatException">The file is neither format or is malformed (the message names the file and
    /// line).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<CtfEstimate> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = File.ReadAllText(path);
        var first = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && l[0] != '#');
        return first is not null && first.StartsWith("data_", StringComparison.Ordinal)
            ? RelionCtfStarReader.FromStar(StarReader.Parse(text, path))
            : CtffindOutputReader.Parse(text, path);
    }

    /// <summary>
    /// The estimate for <paramref name="micrographPath"/>: the only one when the file has one (a CTFFIND file per
    /// micrograph); otherwise the one whose name is the same path, else the only one with the same file name.
    /// </summary>
    /// <param name="path">A CTFFIND4 output or RELION micrograph CTF STAR file.</param>
    /// <param name="micrographPath">The micrograph being processed.</param>
    /// <exception cref="StarFormatException">The file is malformed, or no single estimate matches the micrograph (the
    /// message lists the names in the file).</exception>
    public static CtfEstimate ReadFor(string path, string micrographPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(micrographPath);
        var estimates = Read(path);
        if (estimates.Count == 1)
        {
            return estimates[0];
        }

        var exact = estimates.Where(e => e.MicrographName == micrographPath).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var fileName = Path.GetFileName(micrographPath);
        var byName = estimates.Where(e => e.MicrographName is not null && Path.GetFileName(e.MicrographName) == fileName).ToList();
        return byName.Count == 1
            ? byName[0]
            : throw new StarFormatException(path, 0,
                $"{(byName.Count == 0 ? "no" : byName.Count.ToString(CultureInfo.InvariantCulture))} CTF estimates for micrograph '{micrographPath}' among {estimates.Count}: " +
                string.Join(", ", estimates.Select(e => e.MicrographName ?? "(unnamed)").Take(10)) + (estimates.Count > 10 ? ", ..." : ""));
    }
}
