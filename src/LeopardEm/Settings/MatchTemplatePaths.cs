namespace LeopardEm.Settings;

/// <summary>
/// The file-system side of match-template settings, kept out of the settings records so they stay pure values:
/// resolving relative paths against a base directory (the CLI passes the current directory, as Leopard-EM uses
/// the working directory) and checking that inputs exist.
/// </summary>
public static class MatchTemplatePaths
{
    /// <summary>Absolute form of <paramref name="path"/>, relative paths taken from
    /// <paramref name="baseDirectory"/>. Pure string work; nothing is accessed.</summary>
    public static string Resolve(string path, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        return Path.GetFullPath(Path.Combine(baseDirectory, path));
    }

    /// <summary>
    /// Checks, like Leopard-EM's validators, that the micrograph and template exist; an empty list means all is well.
    /// Problems name the YAML key (e.g. <c>micrograph_path</c>). The outputs are checked by the job's
    /// <see cref="Outputs.OutputSet{TResult}"/>.
    /// </summary>
    /// <param name="settings">Settings whose paths are checked.</param>
    /// <param name="baseDirectory">Directory relative paths are resolved against.</param>
    public static IReadOnlyList<SettingsProblem> Check(MatchTemplateSettings settings, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<SettingsProblem>();
        CheckInput(problems, "micrograph_path", "micrograph", settings.MicrographPath, baseDirectory);
        CheckInput(problems, "template_volume_path", "template volume", settings.TemplateVolumePath, baseDirectory);

        return problems;
    }

    /// <summary>Throws when <see cref="Check"/> finds problems.</summary>
    /// <exception cref="SettingsValidationException">Listing every problem.</exception>
    public static void ThrowIfInvalid(MatchTemplateSettings settings, string baseDirectory)
    {
        SettingsValidationException.ThrowIfAny(Check(settings, baseDirectory));
    }

    internal static void CheckInput(
        List<SettingsProblem> problems, string key, string what, string path, string baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return; // Reported by MatchTemplateSettings.Validate.
        }

        var full = Resolve(path, baseDirectory);
        if (Directory.Exists(full))
        {
            problems.Add(new SettingsProblem(key,
                $"{key}: '{path}'{Describe(path, full)} for {what} is a directory, not a file."));
        }
        else if (!File.Exists(full))
        {
            problems.Add(new SettingsProblem(key,
                $"{key}: File '{path}'{Describe(path, full)} for {what} does not exist."));
        }
    }

    /// <summary>Adds the resolved location when the user wrote a relative path, since "does not exist" is only
    /// actionable if one knows where we looked.</summary>
    private static string Describe(string path, string full) =>
        Path.IsPathFullyQualified(path) ? "" : $" (resolved to '{full}')";
}
