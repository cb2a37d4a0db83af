using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>Validated settings read from a configuration file, with the warnings produced on the way.</summary>
/// <typeparam name="TSettings">Settings type.</typeparam>
public sealed class ConfigLoadResult<TSettings>
{
    private readonly IReadOnlyDictionary<string, SourceLocation> _locations;

    internal ConfigLoadResult(
        TSettings settings, string sourceName, IReadOnlyList<ConfigDiagnostic> warnings,
        IReadOnlyDictionary<string, SourceLocation> locations)
    {
        Settings = settings;
        SourceName = sourceName;
        Warnings = warnings;
        _locations = locations;
    }

    /// <summary>The validated settings.</summary>
    public TSettings Settings { get; }

    /// <summary>File path (or other name) the settings came from.</summary>
    public string SourceName { get; }

    /// <summary>Things that did not stop loading but deserve attention (e.g. ignored unknown keys in
    /// <c>computational_config</c>).</summary>
    public IReadOnlyList<ConfigDiagnostic> Warnings { get; }

    /// <summary>Where <paramref name="keyPath"/> (or, if it was not written, its nearest enclosing key) appears in
    /// the file; null when nothing of it was written.</summary>
    public SourceLocation? Locate(string keyPath) => KeyPathLocator.Locate(_locations, keyPath);

    /// <summary>
    /// Turns problems found after loading (e.g. by <see cref="MatchTemplatePaths.Check"/>) into a
    /// <see cref="ConfigException"/> that points at the lines of this file.
    /// </summary>
    public ConfigException ToException(IEnumerable<SettingsProblem> problems) =>
        new(SourceName, KeyPathLocator.ToDiagnostics(_locations, problems));
}
