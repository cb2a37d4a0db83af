namespace LeopardEm.Config;

/// <summary>
/// State of one parse: errors and warnings collected so far (so a user sees every problem at once) and the
/// location of every key read (so validation problems found later can point at their line).
/// </summary>
internal sealed class ParseContext(string sourceName)
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    public string SourceName { get; } = sourceName;

    public List<ConfigDiagnostic> Errors { get; } = [];

    public List<ConfigDiagnostic> Warnings { get; } = [];

    public IReadOnlyDictionary<string, SourceLocation> Locations => _locations;

    /// <summary>Remembers the first place <paramref name="keyPath"/> was seen.</summary>
    public void Record(string keyPath, SourceLocation location) => _locations.TryAdd(keyPath, location);

    public void Error(string keyPath, SourceLocation? location, string message) =>
        Errors.Add(new ConfigDiagnostic(keyPath, message, location));

    public void Warn(string keyPath, SourceLocation? location, string message) =>
        Warnings.Add(new ConfigDiagnostic(keyPath, message, location));

    /// <summary>"a.b" from a parent path and a key; the root's path is empty.</summary>
    public static string Join(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    /// <summary>Errors in file order (they are collected block by block).</summary>
    public ConfigDiagnostic[] SortedErrors() =>
        Errors.OrderBy(e => e.Location?.Line ?? int.MaxValue).ThenBy(e => e.Location?.Column ?? 0).ToArray();
}
