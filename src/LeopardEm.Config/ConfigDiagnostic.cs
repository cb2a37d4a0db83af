namespace LeopardEm.Config;

/// <summary>An error or warning about a configuration file.</summary>
/// <param name="KeyPath">Dotted YAML key path it concerns (e.g. <c>optics_group.voltage</c>); empty for the whole
/// file.</param>
/// <param name="Message">Complete message, already naming the key and, when known, the line.</param>
/// <param name="Location">Where in the file, when known.</param>
public sealed record ConfigDiagnostic(string KeyPath, string Message, SourceLocation? Location)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
