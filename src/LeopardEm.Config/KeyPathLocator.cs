using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// Maps YAML key paths such as <c>orientation_search_config.orientation_configs[1].symmetry</c> to the place they
/// were written, falling back to the enclosing key when the exact key was left at its default.
/// </summary>
internal static class KeyPathLocator
{
    public static SourceLocation? Locate(IReadOnlyDictionary<string, SourceLocation> locations, string keyPath)
    {
        for (var path = keyPath; ; path = Parent(path))
        {
            if (locations.TryGetValue(path, out var location))
            {
                return location;
            }

            if (path.Length == 0)
            {
                return null;
            }
        }
    }

    private static ConfigDiagnostic ToDiagnostic(
        IReadOnlyDictionary<string, SourceLocation> locations, SettingsProblem problem)
    {
        var location = Locate(locations, problem.KeyPath);
        var message = location is { } l ? $"{problem.Message} (at {l})" : problem.Message;
        return new ConfigDiagnostic(problem.KeyPath, message, location);
    }

    /// <summary>Diagnostics for <paramref name="problems"/>, in file order (problems come block by block).</summary>
    public static ConfigDiagnostic[] ToDiagnostics(
        IReadOnlyDictionary<string, SourceLocation> locations, IEnumerable<SettingsProblem> problems) =>
        problems.Select(p => ToDiagnostic(locations, p))
            .OrderBy(d => d.Location?.Line ?? int.MaxValue).ThenBy(d => d.Location?.Column ?? 0).ToArray();

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }
}
