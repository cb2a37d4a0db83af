using System.CommandLine;
using System.CommandLine.Parsing;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard slurm</c>: match_template over micrographs and shards as SLURM jobs (<c>match-template</c>),
/// where a run stands (<c>status</c>), and the merge its jobs end with (<c>merge</c>).</summary>
internal static class SlurmCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command(
            "slurm",
            "Run match_template on a SLURM cluster: one array task per micrograph x shard, then a merge job.\n\n" +
            "Examples:\n  leopard plan config.yaml --micrographs micrographs_ctf.star --threads 8\n" +
            "  leopard slurm match-template config.yaml --micrographs micrographs_ctf.star --run-dir run --shards 4 --time 2:00:00 --cpus-per-task 8\n" +
            "  leopard slurm status run");
        command.Add(SlurmSubmitCommand.Create(output, error));
        command.Add(SlurmStatusCommand.Create(output));
        command.Add(SlurmMergeCommand.Create(output, error));
        return command;
    }

    /// <summary>A <c>--time</c> option in SLURM's syntax, checked while parsing (<see cref="Slurm.SlurmTime"/>).</summary>
    public static Option<string?> TimeOption(string description) => new("--time")
    {
        Description = description,
        CustomParser = result =>
        {
            var token = string.Join(' ', result.Tokens.Select(t => t.Value));
            try
            {
                Slurm.SlurmTime.Parse(token);
            }
            catch (FormatException e)
            {
                result.AddError($"--time: {e.Message}");
            }

            return token;
        },
    };

    /// <summary>Makes the given options a usage error on <paramref name="command"/>, with <paramref name="why"/>.</summary>
    public static void Refuse(Command command, IReadOnlyList<string> names, string why) =>
        command.Validators.Add(result =>
        {
            var given = Given(result).Select(o => o.Option.Name).Where(names.Contains).ToList();
            if (given.Count > 0)
            {
                result.AddError($"{string.Join(", ", given)}: {why}");
            }
        });

    /// <summary>The options given on the command line (not defaults).</summary>
    public static IEnumerable<OptionResult> Given(CommandResult result) =>
        result.Children.OfType<OptionResult>().Where(o => !o.Implicit);
}
