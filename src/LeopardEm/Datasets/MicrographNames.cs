using System.Text;

namespace LeopardEm.Datasets;

/// <summary>
/// The folder name of each micrograph of a run: its file name without the extension, made of letters, digits,
/// <c>.</c>, <c>_</c> and <c>-</c> only (anything else becomes <c>_</c>), so that it is safe in a path and in a shell
/// script. Micrographs whose file names agree (the same name in different folders) are named by their whole path
/// instead; a name still taken, or one that <see cref="RunLayout"/> uses itself, gets <c>-2</c>, <c>-3</c>, ...
/// appended. The same list always gives the same names.
/// </summary>
public static class MicrographNames
{
    /// <summary>One unique name per path, in the same order.</summary>
    /// <param name="paths">The micrograph paths as written (distinct).</param>
    public static IReadOnlyList<string> Assign(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var stems = paths.Select(p => Clean(Path.GetFileNameWithoutExtension(p))).ToList();
        var shared = stems.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var taken = new HashSet<string>(RunLayout.ReservedNames, StringComparer.Ordinal);
        var names = new List<string>(paths.Count);
        for (var i = 0; i < paths.Count; i++)
        {
            var name = shared.Contains(stems[i]) ? Clean(Path.ChangeExtension(paths[i], null)) : stems[i];
            var unique = name;
            for (var suffix = 2; !taken.Add(unique); suffix++)
            {
                unique = FormattableString.Invariant($"{name}-{suffix}");
            }

            names.Add(unique);
        }

        return names;
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        // No hidden folders, no "." or "..", never empty.
        var name = builder.ToString().TrimStart('.', '_');
        return name.Length == 0 ? "micrograph" : name;
    }
}
