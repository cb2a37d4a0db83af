namespace LeopardEm.Settings;

/// <summary>
/// The file-system side of constrained-search settings: B's template and both particle tables must exist. Paths inside
/// the tables (micrograph, statistics maps) are checked when the job loads them.
/// </summary>
public static class ConstrainedSearchPaths
{
    /// <summary>Problems with the input files, naming their YAML keys; an empty list means all is well.</summary>
    /// <param name="settings">Settings whose paths are checked.</param>
    /// <param name="baseDirectory">Directory relative paths are resolved against (Leopard-EM: the current
    /// directory).</param>
    public static IReadOnlyList<SettingsProblem> Check(ConstrainedSearchSettings settings, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<SettingsProblem>();
        MatchTemplatePaths.CheckInput(problems, "template_volume_path", "template volume", settings.TemplateVolumePath, baseDirectory);
        MatchTemplatePaths.CheckInput(
            problems, ConstrainedSearchSettings.ReferenceKey + ".df_path", "particle table", settings.ParticleStackReference.DfPath, baseDirectory);
        MatchTemplatePaths.CheckInput(
            problems, ConstrainedSearchSettings.ConstrainedKey + ".df_path", "particle table", settings.ParticleStackConstrained.DfPath, baseDirectory);
        return problems;
    }
}
