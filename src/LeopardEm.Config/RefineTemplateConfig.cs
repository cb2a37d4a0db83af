using System.Text;
using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// Reads and writes Leopard-EM refine_template configuration files (YAML, or JSON, which is YAML) as
/// <see cref="RefineTemplateSettings"/>, with the same error reporting as <see cref="MatchTemplateConfig"/>: every
/// unknown key, wrong type, missing key and invalid value at once, each with its key path and line.
/// </summary>
public static class RefineTemplateConfig
{
    /// <summary>Reads and validates a configuration file. Does not check that the files it names exist (see
    /// <see cref="RefineTemplatePaths.Check"/> and <see cref="ConfigLoadResult{TSettings}.ToException"/>).</summary>
    /// <param name="path">YAML or JSON file.</param>
    /// <exception cref="ConfigException">When the file is missing, unreadable as YAML, or invalid.</exception>
    public static ConfigLoadResult<RefineTemplateSettings> Load(string path) => ConfigDocument.Load(path, Parse);

    /// <summary>Parses and validates configuration text.</summary>
    /// <param name="yamlText">YAML or JSON text.</param>
    /// <param name="sourceName">Name used in messages, normally the file path.</param>
    /// <exception cref="ConfigException">When the text is not YAML or the configuration is invalid.</exception>
    public static ConfigLoadResult<RefineTemplateSettings> Parse(string yamlText, string sourceName = "<string>") =>
        ConfigDocument.Parse(yamlText, sourceName, RefineTemplateYamlReader.Read, settings => settings.Validate());

    /// <summary>
    /// Writes settings as YAML the way Leopard-EM saves a configuration: every field (nulls included, movie_config
    /// too), keys sorted alphabetically, so the file loads in Leopard-EM as well.
    /// </summary>
    public static string ToYaml(RefineTemplateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return YamlEmitter.Emit(RefineTemplateYamlWriter.ToTree(settings));
    }

    /// <summary>Writes <see cref="ToYaml"/> to <paramref name="path"/> (UTF-8, no byte-order mark).</summary>
    public static void Save(RefineTemplateSettings settings, string path) =>
        File.WriteAllText(path, ToYaml(settings), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
