namespace LeopardEm.Settings;

/// <summary>
/// The file-system side of refine-template settings: the template volume and the particle table must exist. Paths
/// inside the particle table (micrographs, statistics maps) are checked when the job loads them.
/// </summary>
public static class RefineTemplatePaths
{
    /// <summary>Problems with the input files, naming their YAML keys; an empty list means all is well.</summary>
    /// <param name="settings">Settings whose paths are checked.</param>
    /// <param name="baseDirectory">Directory relative paths are resolved against (Leopard-EM: the current
    /// directory).</param>
    public static IReadOnlyList<SettingsProblem> Check(RefineTemplateSettings settings, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<SettingsProblem>();
        MatchTemplatePaths.CheckInput(problems, "template_volume_path", "template volume", settings.TemplateVolumePath, baseDirectory);
        MatchTemplatePaths.CheckInput(
            problems, ParticleStackConfig.YamlKey + ".df_path", "particle table", settings.ParticleStack.DfPath, baseDirectory);
        return problems;
    }
}
