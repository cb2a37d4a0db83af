using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// Reads template-simulation settings (ttsim3d's <c>Simulator</c>: <c>pixel_spacing</c>, <c>volume_shape</c>,
/// <c>pdb_filepath</c>, …, <c>simulator_config</c>) from a standalone YAML (or JSON) file whose root is that mapping,
/// the same mapping optimize_template holds under <c>simulator:</c>. Every error is reported with its key path and
/// line; ttsim3d's <c>store_volume</c> and <c>atom_batch_size</c> only produce warnings.
/// </summary>
public static class SimulatorYaml
{
    /// <summary>Reads and validates a simulation file. Does not check that the model or MTF files exist.</summary>
    /// <param name="path">YAML or JSON file.</param>
    /// <exception cref="ConfigException">When the file is missing, unreadable as YAML, or invalid.</exception>
    public static ConfigLoadResult<SimulatorSettings> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, [new ConfigDiagnostic("", $"cannot read the file: {e.Message}", null)]);
        }
    }

    /// <summary>Parses and validates simulation settings.</summary>
    /// <param name="yamlText">YAML or JSON text whose root mapping is a <c>Simulator</c>.</param>
    /// <param name="sourceName">Name used in messages, normally the file path.</param>
    /// <exception cref="ConfigException">When the text is not YAML or the settings are invalid.</exception>
    public static ConfigLoadResult<SimulatorSettings> Parse(string yamlText, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        var context = new ParseContext(sourceName);
        var rootNode = ConfigDocument.ParseDocument(context, yamlText);
        var rootLocation = YamlScalars.LocationOf(rootNode);
        context.Record("", rootLocation);
        var settings = SimulatorBlockReader.Read(context, YamlBlock.Open(context, rootNode, "", rootLocation));
        if (context.Errors.Count > 0)
        {
            throw new ConfigException(sourceName, context.SortedErrors());
        }

        var problems = settings.Validate("");
        if (problems.Count > 0)
        {
            throw new ConfigException(sourceName, KeyPathLocator.ToDiagnostics(context.Locations, problems));
        }

        return new ConfigLoadResult<SimulatorSettings>(settings, sourceName, context.Warnings.ToArray(), context.Locations);
    }
}
