using LeopardEm.Io;

namespace LeopardEm.Settings;

/// <summary>
/// The file-system side of optimize-template settings: the particle table and the atomic model must exist, and the
/// detector MTF must resolve when <c>apply_dqe</c> is on. Paths inside the particle table (micrographs, statistics
/// maps) are checked when the job loads them.
/// </summary>
public static class OptimizeTemplatePaths
{
    /// <summary>Problems with the input files, naming their YAML keys; an empty list means all is well.</summary>
    /// <param name="settings">Settings whose paths are checked.</param>
    /// <param name="baseDirectory">Directory relative paths are resolved against (Leopard-EM: the current
    /// directory).</param>
    /// <param name="mtfDirectory">Folder of RELION MTF files for built-in MTF names; null reads
    /// <see cref="MtfCatalog.DirectoryVariable"/>.</param>
    public static IReadOnlyList<SettingsProblem> Check(OptimizeTemplateSettings settings, string baseDirectory, string? mtfDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<SettingsProblem>();
        MatchTemplatePaths.CheckInput(
            problems, ParticleStackConfig.YamlKey + ".df_path", "particle table", settings.ParticleStack.DfPath, baseDirectory);
        MatchTemplatePaths.CheckInput(
            problems, SimulatorSettings.YamlKey + ".pdb_filepath", "atomic model", settings.Simulator.PdbFilepath, baseDirectory);
        var config = settings.Simulator.SimulatorConfig;
        if (config.ApplyDqe && !string.IsNullOrWhiteSpace(config.MtfReference))
        {
            try
            {
                MtfCatalog.Resolve(config.MtfReference, baseDirectory, mtfDirectory);
            }
            catch (FileNotFoundException e)
            {
                var key = $"{SimulatorSettings.YamlKey}.{SimulatorConfig.YamlKey}.mtf_reference";
                problems.Add(new SettingsProblem(key, $"{key}: {e.Message}"));
            }
        }

        return problems;
    }
}
