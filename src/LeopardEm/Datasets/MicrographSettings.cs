using LeopardEm.Settings;

namespace LeopardEm.Datasets;

/// <summary>
/// The settings of one micrograph of a run: a copy of the configuration with its own <c>micrograph_path</c>, its own
/// CTF (<see cref="MicrographEntry.ApplyTo"/>) and its maps in its own folder, so no value of one micrograph can reach
/// another's search. The maps are named after their <c>match_template_result</c> keys (<c>mip.mrc</c>,
/// <c>scaled_mip.mrc</c>, ..., <c>relative_defocus.mrc</c>); input paths become absolute, so the file runs from any
/// folder (a cluster node's).
/// </summary>
public static class MicrographSettings
{
    /// <summary>The settings of micrograph <paramref name="entry"/> (the configuration's own micrograph when null)
    /// with outputs in <paramref name="folder"/>.</summary>
    /// <param name="settings">The run's configuration.</param>
    /// <param name="entry">The micrograph and its CTF; null for the configuration's micrograph and CTF.</param>
    /// <param name="folder">The micrograph's output folder (absolute).</param>
    /// <param name="baseDirectory">Directory relative paths of the configuration and table resolve against.</param>
    public static MatchTemplateSettings For(MatchTemplateSettings settings, MicrographEntry? entry, string folder, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(folder);
        string Map(string key) => Path.Combine(folder, key.Replace("_path", ".mrc", StringComparison.Ordinal));
        return settings with
        {
            MicrographPath = MatchTemplatePaths.Resolve(entry?.Path ?? settings.MicrographPath, baseDirectory),
            TemplateVolumePath = MatchTemplatePaths.Resolve(settings.TemplateVolumePath, baseDirectory),
            OpticsGroup = entry?.ApplyTo(settings.OpticsGroup) ?? settings.OpticsGroup,
            MatchTemplateResult = settings.MatchTemplateResult with
            {
                MipPath = Map("mip_path"),
                ScaledMipPath = Map("scaled_mip_path"),
                CorrelationAveragePath = Map("correlation_average_path"),
                CorrelationVariancePath = Map("correlation_variance_path"),
                OrientationPsiPath = Map("orientation_psi_path"),
                OrientationThetaPath = Map("orientation_theta_path"),
                OrientationPhiPath = Map("orientation_phi_path"),
                RelativeDefocusPath = Map("relative_defocus_path"),
            },
        };
    }
}
