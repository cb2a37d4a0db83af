namespace LeopardEm.Settings;

/// <summary>
/// One thing wrong with a set of settings, tied to the YAML key it concerns so that a loader can point at the
/// offending line.
/// </summary>
/// <param name="KeyPath">Dotted YAML key path, e.g. <c>optics_group.amplitude_contrast_ratio</c> or
/// <c>orientation_search_config.orientation_configs[1].symmetry</c>.</param>
/// <param name="Message">Complete, human-readable message that already names <paramref name="KeyPath"/>.</param>
public sealed record SettingsProblem(string KeyPath, string Message)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
