using System.Text;
using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// Reads and writes Leopard-EM constrained-search configuration files (YAML, or JSON, which is YAML) as
/// <see cref="ConstrainedSearchSettings"/>, with the same error reporting as <see cref="MatchTemplateConfig"/>: every
/// unknown key, wrong type, missing key and invalid value at once, each with its key path and line. The spellings of
/// upstream's example file that its manager rejects (<c>defocus_search_config</c>, <c>centre_vector</c>) are read with a
/// warning.
/// </summary>
public static class ConstrainedSearchConfig
{
    /// <summary>Reads and validates a configuration file. Does not check that the files it names exist (see
    /// <see cref="ConstrainedSearchPaths.Check"/> and <see cref="ConfigLoadResult{TSettings}.ToException"/>).</summary>
    /// <param name="path">YAML or JSON file.</param>
    /// <exception cref="ConfigException">When the file is missing, unreadable as YAML, or invalid.</exception>
    public static ConfigLoadResult<ConstrainedSearchSettings> Load(string path) => ConfigDocument.Load(path, Parse);

    /// <summary>Parses and validates configuration text.</summary>
    /// <param name="yamlText">YAML or JSON text.</param>
    /// <param name="sourceName">Name used in messages, normally the file path.</param>
    /// <exception cref="ConfigException">When the text is not YAML or the configuration is invalid.</exception>
    public static ConfigLoadResult<ConstrainedSearchSettings> Parse(string yamlText, string sourceName = "<string>") =>
        ConfigDocument.Parse(yamlText, sourceName, ConstrainedSearchYamlReader.Read, settings => settings.Validate());

    /// <summary>
    /// Writes settings as YAML the way Leopard-EM saves a configuration: every field (nulls included), keys sorted
    /// alphabetically, upstream's key names, so the file loads in Leopard-EM as well.
    /// </summary>
    public static string ToYaml(ConstrainedSearchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return YamlEmitter.Emit(ConstrainedSearchYamlWriter.ToTree(settings));
    }

    /// <summary>Writes <see cref="ToYaml"/> to <paramref name="path"/> (UTF-8, no byte-order mark).</summary>
    public static void Save(ConstrainedSearchSettings settings, string path) =>
        File.WriteAllText(path, ToYaml(settings), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
