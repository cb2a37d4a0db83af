using System.Text;
using LeopardEm.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
    public static ConfigLoadResult<MatchTemplateSettings> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, [new ConfigDiagnostic("", $"cannot read the file: {e.Message}", null)]);
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates configuration text.</summary>
    /// <param name="yamlText">YAML or JSON text.</param>
    /// <param name="sourceName">Name used in messages, normally the file path.</param>
    /// <exception cref="ConfigException">When the text is not YAML or the configuration is invalid.</exception>
    public static ConfigLoadResult<MatchTemplateSettings> Parse(string yamlText, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        var context = new ParseContext(sourceName);
        var rootNode = ParseDocument(context, yamlText);
        var rootLocation = YamlScalars.LocationOf(rootNode);
        context.Record("", rootLocation);
        var root = YamlBlock.Open(context, rootNode, "", rootLocation);
        var settings = MatchTemplateYamlReader.Read(context, root);
        if (context.Errors.Count > 0)
        {
            throw new ConfigException(sourceName, context.SortedErrors());
        }

        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ConfigException(sourceName, KeyPathLocator.ToDiagnostics(context.Locations, problems));
        }

        return new ConfigLoadResult<MatchTemplateSettings>(settings, sourceName, context.Warnings.ToArray(),
            context.Locations);
    }

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

    /// <summary>Writes <see cref="ToYaml"/> to <paramref name="path"/> (UTF-8, no byte-order mark).</summary>
    public static void Save(MatchTemplateSettings settings, string path) =>
        File.WriteAllText(path, ToYaml(settings), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    internal static YamlNode ParseDocument(ParseContext context, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var at = new SourceLocation((int)e.Start.Line, (int)e.Start.Column);
            throw new ConfigException(context.SourceName,
                [new ConfigDiagnostic("", $"YAML syntax error at {at}: {InnerMessage(e)}", at)]);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this (without a position) on some malformed flow collections.
            throw new ConfigException(context.SourceName,
                [new ConfigDiagnostic("", $"YAML syntax error: the YAML parser failed ({e.Message}); check for " +
                                          "unclosed brackets or quotes", null)]);
        }

        switch (stream.Documents.Count)
        {
            case 0:
                throw new ConfigException(context.SourceName,
                    [new ConfigDiagnostic("", "the configuration is empty", null)]);
            case > 1:
                var second = YamlScalars.LocationOf(stream.Documents[1].RootNode);
                throw new ConfigException(context.SourceName,
                    [new ConfigDiagnostic("", $"expected a single YAML document, found a second one at {second}",
                        second)]);
            default:
                return stream.Documents[0].RootNode;
        }
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: …, Col: …, Idx: …) - (…): "; we give the location
    /// ourselves.</summary>
    private static string InnerMessage(YamlException e)
    {
        var message = e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
    }
}
