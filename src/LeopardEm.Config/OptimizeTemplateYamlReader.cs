using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>YAML → <see cref="OptimizeTemplateSettings"/>: the root mapping (Leopard-EM
/// <c>OptimizeTemplateManager</c>).</summary>
internal static class OptimizeTemplateYamlReader
{
    public static OptimizeTemplateSettings Read(ParseContext context, YamlBlock root)
    {
        var settings = new OptimizeTemplateSettings
        {
            // Upstream order of fields, so errors come out in a familiar order.
            ParticleStack = RefineTemplateYamlReader.ReadParticleStack(root.Block(ParticleStackConfig.YamlKey, required: true)),
            PixelSizeCoarseSearch =
                SettingsBlockReaders.ReadPixelSizeSearch(root.Block(OptimizeTemplateSettings.CoarseKey, required: true)),
            PixelSizeFineSearch =
                SettingsBlockReaders.ReadPixelSizeSearch(root.Block(OptimizeTemplateSettings.FineKey, required: true)),
            PreprocessingFilters = SettingsBlockReaders.ReadPreprocessingFilters(
                root.Block(PreprocessingFilters.YamlKey, required: true)),
            ComputationalConfig = SettingsBlockReaders.ReadComputational(
                root.Block(ComputationalConfigMatch.YamlKey, required: true),
                new ComputationalConfigMatch { Backend = CorrelationScheduling.Batched }),
            Simulator = SimulatorBlockReader.Read(context, root.Block(SimulatorSettings.YamlKey, required: true)),
        };
        settings = settings with { ApplyGlobalFiltering = root.Bool("apply_global_filtering", settings.ApplyGlobalFiltering) };
        root.RejectUnknownKeys();
        return settings;
    }
}
