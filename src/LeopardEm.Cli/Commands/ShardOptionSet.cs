using System.CommandLine;
using LeopardEm.Config;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Shards;

namespace LeopardEm.Cli.Commands;

/// <summary>The options that split a search and save its progress: <c>--shard</c>, <c>--partial</c>,
/// <c>--checkpoint-interval</c>, <c>--restart</c>.</summary>
internal sealed class ShardOptionSet
{
    private readonly Option<ShardSpec?> _shard = new("--shard")
    {
        Description = "Compute only shard K of N (0-based) of the search: the K-th of N balanced ranges of its correlations. " +
                      "Needs --partial; combine the N partial results with 'leopard merge'.",
        CustomParser = result =>
        {
            var token = string.Join(' ', result.Tokens.Select(t => t.Value));
            try
            {
                return ShardSpec.Parse(token);
            }
            catch (FormatException e)
            {
                result.AddError($"--shard: {e.Message}");
                return null;
            }
        },
    };

    private readonly Option<FileInfo?> _partial = new("--partial")
    {
        Description = "Write the statistics of the shard (or of the whole search) to this partial-result file instead of the maps and table.",
    };

    private readonly Option<double> _interval = NumberOptions.Real(
        "--checkpoint-interval", "Minutes between checkpoints of a long run (0: none). Default 5.", v => v >= 0, "0 or more minutes",
        Checkpointing.DefaultInterval.TotalMinutes);

    private readonly Option<bool> _restart = new("--restart")
    {
        Description = "Discard an existing checkpoint and start the search from the beginning.",
    };

    public void AddTo(Command command)
    {
        command.Add(_shard);
        command.Add(_partial);
        command.Add(_interval);
        command.Add(_restart);
        command.Validators.Add(result =>
        {
            var partial = result.GetResult(_partial) is not null;
            if (result.GetResult(_shard) is not null && !partial)
            {
                result.AddError("--shard needs --partial: a shard's result is a partial-result file, merged later with 'leopard merge'.");
            }

            var maps = new[] { "--output-csv", "--output-star", "--plots", "--full-size-maps", "--coords" }
                .Where(name => result.Children.OfType<System.CommandLine.Parsing.OptionResult>().Any(o => o.Option.Name == name && !o.Implicit))
                .ToList();
            if (partial && maps.Count > 0)
            {
                result.AddError($"--partial writes only the partial result; {string.Join(", ", maps)} belong to 'leopard merge', which writes the maps and tables.");
            }
        });
    }

    /// <summary>The options with the shard, partial path and checkpoint interval (the checkpoint's path is known only
    /// with the settings: <see cref="Complete"/>).</summary>
    public MatchTemplateOptions Read(ParseResult parse, MatchTemplateOptions options) => options with
    {
        Shard = parse.GetValue(_shard),
        PartialPath = parse.GetValue(_partial)?.FullName,
        Checkpoint = new Checkpointing("", TimeSpan.FromMinutes(parse.GetValue(_interval)), parse.GetValue(_restart)),
    };

    /// <summary>Fills in what needs the settings: the settings' fingerprint and the checkpoint's path (beside the
    /// partial result, or beside the MIP map).</summary>
    public static MatchTemplateOptions Complete(MatchTemplateOptions options, MatchTemplateSettings settings)
    {
        var checkpointBeside = options.PartialPath ?? MatchTemplatePaths.Resolve(settings.MatchTemplateResult.MipPath, Directory.GetCurrentDirectory());
        return options with
        {
            SettingsFingerprint = MatchTemplateConfig.SearchFingerprint(settings),
            Checkpoint = options.Checkpoint is { } checkpoint ? checkpoint with { Path = checkpointBeside + ".checkpoint" } : null,
        };
    }
}
