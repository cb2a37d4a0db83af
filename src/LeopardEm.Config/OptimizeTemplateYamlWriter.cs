using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// <see cref="OptimizeTemplateSettings"/> → the key/value tree Leopard-EM's <c>OptimizeTemplateManager.model_dump</c>
/// would produce (every field, nulls included), for <see cref="YamlEmitter"/>.
/// </summary>
internal static class OptimizeTemplateYamlWriter
{
    public static Dictionary<string, object?> ToTree(OptimizeTemplateSettings s) => new()
    {
        [ParticleStackConfig.YamlKey] = SettingsBlockWriters.ParticleStack(s.ParticleStack),
        [OptimizeTemplateSettings.CoarseKey] = SettingsBlockWriters.PixelSize(s.PixelSizeCoarseSearch),
        [OptimizeTemplateSettings.FineKey] = SettingsBlockWriters.PixelSize(s.PixelSizeFineSearch),
        [PreprocessingFilters.YamlKey] = SettingsBlockWriters.Filters(s.PreprocessingFilters),
        [ComputationalConfigMatch.YamlKey] = SettingsBlockWriters.Computational(s.ComputationalConfig),
        [SimulatorSettings.YamlKey] = SimulatorBlockWriter.ToTree(s.Simulator),
        ["apply_global_filtering"] = s.ApplyGlobalFiltering,
    };
}
