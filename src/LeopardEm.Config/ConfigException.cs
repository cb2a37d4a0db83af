namespace LeopardEm.Config;

/// <summary>
/// A configuration file could not be turned into valid settings. The message lists every error with the file,
/// key path, line and column; <see cref="Errors"/> has them structured.
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception from at least one error.</summary>
    /// <param name="sourceName">File path (or other name) of the configuration.</param>
    /// <param name="errors">The errors, in file order.</param>
    public ConfigException(string sourceName, IReadOnlyList<ConfigDiagnostic> errors)
        : base(FormatMessage(sourceName, errors))
    {
        SourceName = sourceName;
        Errors = errors;
    }

    /// <summary>File path (or other name) of the configuration.</summary>
    public string SourceName { get; }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<ConfigDiagnostic> Errors { get; }

    /// <summary>Key path of the first error.</summary>
    public string KeyPath => Errors.Count > 0 ? Errors[0].KeyPath : "";

    /// <summary>Line of the first error, or null when unknown.</summary>
    public int? Line => Errors.Count > 0 ? Errors[0].Location?.Line : null;

    /// <summary>Column of the first error, or null when unknown.</summary>
    public int? Column => Errors.Count > 0 ? Errors[0].Location?.Column : null;

    private static string FormatMessage(string sourceName, IReadOnlyList<ConfigDiagnostic> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? $"Invalid configuration '{sourceName}': {errors[0].Message}"
            : $"Invalid configuration '{sourceName}' ({errors.Count} errors):" + Environment.NewLine +
              string.Join(Environment.NewLine, errors.Select(e => "  - " + e.Message));
    }
}
