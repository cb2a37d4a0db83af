using LeopardEm.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LeopardEm.Config;

/// <summary>
/// The steps every configuration file goes through, whatever program it configures: read the file, parse one YAML
/// document, read the root mapping into settings while collecting every error with its line, then validate and point
/// each problem at the line of its key.
/// </summary>
internal static class ConfigDocument
{
    /// <summary>Reads <paramref name="path"/> and hands its text to <paramref name="parse"/>.</summary>
    /// <exception cref="ConfigException">When the file cannot be read (and whatever <paramref name="parse"/> throws).</exception>
    public static ConfigLoadResult<TSettings> Load<TSettings>(string path, Func<string, string, ConfigLoadResult<TSettings>> parse)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (LeopardEm.Io.InputFile.Problem(path, "the configuration") is { } problem)
        {
            throw new ConfigException(path, [new ConfigDiagnostic("", problem, null)]);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, [new ConfigDiagnostic("", $"cannot read the file: {e.Message}", null)]);
        }

        return parse(text, path);
    }

    /// <summary>Parses, reads and validates configuration text.</summary>
    /// <param name="yamlText">YAML or JSON text.</param>
    /// <param name="sourceName">Name used in messages, normally the file path.</param>
    /// <param name="read">Reads the root mapping; records problems in the context instead of throwing.</param>
    /// <param name="validate">Cross-field and range checks of the settings read.</param>
    /// <exception cref="ConfigException">When the text is not YAML or the configuration is invalid.</exception>
    public static ConfigLoadResult<TSettings> Parse<TSettings>(
        string yamlText, string sourceName, Func<ParseContext, YamlBlock, TSettings> read,
        Func<TSettings, IReadOnlyList<SettingsProblem>> validate)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        var context = new ParseContext(sourceName);
        var rootNode = ParseDocument(context, yamlText);
        var rootLocation = YamlScalars.LocationOf(rootNode);
        context.Record("", rootLocation);
        var root = YamlBlock.Open(context, rootNode, "", rootLocation);
        var settings = read(context, root);
        if (context.Errors.Count > 0)
        {
            throw new ConfigException(sourceName, context.SortedErrors());
        }

        var problems = validate(settings);
        if (problems.Count > 0)
        {
            throw new ConfigException(sourceName, KeyPathLocator.ToDiagnostics(context.Locations, problems));
        }

        return new ConfigLoadResult<TSettings>(settings, sourceName, context.Warnings.ToArray(), context.Locations);
    }

    internal static YamlNode ParseDocument(ParseContext context, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // YamlDotNet reports an unclosed flow bracket where it gives up (often the end of the file), and on some
            // inputs throws InvalidOperationException without any position; the bracket's own line is what helps.
            if (UnclosedBracket.Find(text) is { } open)
            {
                throw new ConfigException(context.SourceName,
                    [new ConfigDiagnostic("", $"YAML syntax error: the '{open.Bracket}' at {open.Location} is never closed", open.Location)]);
            }

            if (e is YamlException yaml)
            {
                var at = new SourceLocation((int)yaml.Start.Line, (int)yaml.Start.Column);
                throw new ConfigException(context.SourceName,
                    [new ConfigDiagnostic("", $"YAML syntax error at {at}: {InnerMessage(yaml)}", at)]);
            }

            throw new ConfigException(context.SourceName,
                [new ConfigDiagnostic("", "YAML syntax error: the YAML parser failed; check for unclosed quotes", null)]);
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
