using System.CommandLine;
using LeopardEm.Cli.Runs;
using LeopardEm.Datasets;
using LeopardEm.Slurm;
using static System.FormattableString;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard slurm merge DIR</c>: the end of a cluster run (its merge job runs it): each micrograph's parts
/// merged as <c>leopard merge</c> merges them, then the combined particle table.</summary>
internal static class SlurmMergeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<DirectoryInfo>("run-dir") { Description = "The run folder given to 'leopard slurm match-template --run-dir'." };
        var keepParts = new Option<bool>("--keep-parts") { Description = "Keep each micrograph's partial results after its maps are written." };
        var search = new SearchOptionSet();
        var command = new Command(
            "merge",
            "Merge each micrograph's partial results of a cluster run into its maps and particles.csv (as 'leopard merge'), skipping\n" +
            "micrographs merged before, then write the combined particles.csv. A micrograph that cannot be merged (a part\n" +
            "missing or damaged) is reported and the others go on; exit 1 at the end with the list. The run's merge job runs this.");
        command.Add(folder);
        command.Add(keepParts);
        search.AddTo(command);
        SlurmCommand.Refuse(
            command, ["--output-csv", "--plots", "--coords", "--full-size-maps"],
            "each micrograph's table goes to its folder, and the combined table to the run folder.");
        command.SetAction((parse, cancellation) =>
        {
            var layout = new RunLayout(parse.GetRequiredValue(folder).FullName);
            var options = search.Read(parse);
            var backend = search.Compute.Backend(parse);
            var keep = parse.GetValue(keepParts);
            return CancellableRun.Start(error, cancellation, () =>
            {
                var console = ConsoleFactory.For(output);
                var manifest = RunManifest.Read(layout.Manifest);
                return MicrographLoop.Run(
                    console, layout, [.. manifest.Micrographs.Select(m => m.Name)], name => File.Exists(layout.Particles(name)),
                    name =>
                    {
                        var parts = Enumerable.Range(0, manifest.Shards).Select(k => layout.Part(name, k)).ToList();
                        var missing = parts.Where(p => !File.Exists(p)).Select(Path.GetFileName).ToList();
                        if (missing.Count > 0)
                        {
                            throw new IOException(Invariant(
                                $"{missing.Count} of its {manifest.Shards} partial results are missing ({string.Join(", ", missing)} in {layout.Parts(name)}); ") +
                                "submitting the same 'leopard slurm match-template' again computes only the missing shards.");
                        }

                        MergeCommand.Merge(layout.Config(name), parts, options with { OutputCsvPath = layout.Particles(name) }, backend, console);
                        if (!keep)
                        {
                            Directory.Delete(layout.Parts(name), recursive: true);
                        }
                    },
                    cancellation);
            });
        });
        return command;
    }
}
