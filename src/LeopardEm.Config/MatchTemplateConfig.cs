using System.Text;
using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// Reads and writes Leopard-EM match_template configuration files (YAML, or JSON, which is YAML) as
/// <see cref="MatchTemplateSettings"/>. Unknown keys, wrong types, missing keys and invalid values are reported
/// together, each with its key path and line; unknown keys inside <c>computational_config</c> are only warnings,
/// as upstream ignores them.
/// </summary>
public static class MatchTemplateConfig
{
    /// <summary>Reads and validates a configuration file. Does not check that the files it names exist (see
    /// <see cref="MatchTemplatePaths.Check"/> and <see cref="ConfigLoadResult{TSettings}.ToException"/>).</summary>
    /// <param name="path">YAML or JSON file.</param>
    /// <exception cref="ConfigException">When the file is missing, unreadable as YAML, or invalid.</exception>
    public static ConfigLoadResult<MatchTemplateSettings> Load(string path) => ConfigDocument.Load(path, Parse);

    /// <summary>Parses and validates configuration text.</summary>
    /// <param name="yamlText">YAML or JSON text.</param>
    /// <param name="sourceName">Name used in messages, normally the file path.</param>
    /// <exception cref="ConfigException">When the text is not YAML or the configuration is invalid.</exception>
    public static ConfigLoadResult<MatchTemplateSettings> Parse(string yamlText, string sourceName = "<string>") =>
        ConfigDocument.Parse(yamlText, sourceName, MatchTemplateYamlReader.Read, settings => settings.Validate());

    /// <summary>
    /// Writes settings as YAML the way Leopard-EM saves a configuration: every field (nulls included), keys sorted
    /// alphabetically. <c>pixel_size_search_config</c> is written only when it differs from its default, so the
    /// output stays loadable by upstream Leopard-EM otherwise.
    /// </summary>
    public static string ToYaml(MatchTemplateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return YamlEmitter.Emit(MatchTemplateYamlWriter.ToTree(settings));
    }

    /// <summary>
    /// A stable identity (SHA-256, lowercase hex) of everything in the settings that decides a search's statistics:
    /// the canonical YAML of the settings with the file paths, the output paths and the computational block (which
    /// change where and how, not what, is computed) replaced by placeholders. The files' contents are fingerprinted by
    /// the job. Equal settings give equal fingerprints on every machine, so the parts of one search run on different
    /// nodes can be recognised as such.
    /// </summary>
    public static string SearchFingerprint(MatchTemplateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        const string placeholder = "-";
        var canonical = settings with
        {
            MicrographPath = placeholder,
            TemplateVolumePath = placeholder,
            ComputationalConfig = new ComputationalConfigMatch(),
            MatchTemplateResult = new MatchTemplateResultConfig
            {
                MipPath = placeholder,
                ScaledMipPath = placeholder,
                CorrelationAveragePath = placeholder,
                CorrelationVariancePath = placeholder,
                OrientationPsiPath = placeholder,
                OrientationThetaPath = placeholder,
                OrientationPhiPath = placeholder,
                RelativeDefocusPath = placeholder,
            },
        };
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ToYaml(canonical))));
    }

    /// <summary>Writes <see cref="ToYaml"/> to <paramref name="path"/> (UTF-8, no byte-order mark).</summary>
    public static void Save(MatchTemplateSettings settings, string path) =>
        File.WriteAllText(path, ToYaml(settings), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
