using System.CommandLine;

namespace LeopardEm.Cli.Commands;

/// <summary>The options that run a configuration over many micrographs: <c>--micrographs TABLE</c> and
/// <c>--run-dir DIR</c>.</summary>
internal sealed class MicrographsOptionSet(bool runDirectoryRequired)
{
    private readonly Option<FileInfo?> _micrographs = new("--micrographs")
    {
        Description = "Run the configuration on every micrograph of this table, each with its own CTF: a CSV with the columns " +
                      "path,defocus_u,defocus_v,astigmatism_angle[,pixel_size][,phase_shift] (Å, degrees; relative paths from the " +
                      "current directory), or a RELION 3.1 micrographs_ctf.star. Outputs go to one folder per micrograph in --run-dir.",
        HelpName = "TABLE",
    };

    private readonly Option<DirectoryInfo?> _runDirectory = new("--run-dir")
    {
        Description = runDirectoryRequired
            ? "The run folder: one folder per micrograph (its config.yaml, maps, particles.csv, partial results), the combined particles.csv, and slurm/ (scripts, logs)."
            : "The run folder for --micrographs: one folder per micrograph (its config.yaml, maps, particles.csv) and the combined " +
              "particles.csv. Default: the folder of the configuration's mip_path.",
        HelpName = "DIR",
        Required = runDirectoryRequired,
    };

    public Option<FileInfo?> Micrographs => _micrographs;

    public Option<DirectoryInfo?> RunDirectory => _runDirectory;

    public void AddTo(Command command)
    {
        command.Add(_micrographs);
        command.Add(_runDirectory);
    }

    public string? Table(ParseResult parse) => parse.GetValue(_micrographs)?.FullName;

    public string? Root(ParseResult parse) => parse.GetValue(_runDirectory)?.FullName;
}
