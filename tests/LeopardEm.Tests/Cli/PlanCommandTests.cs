using System.Globalization;
using System.Text.RegularExpressions;
using LeopardEm.Cli;
using LeopardEm.Programs;
using LeopardEm.Tests.Datasets;

namespace LeopardEm.Tests.Cli;

/// <summary><c>leopard plan</c>: the search's correlations (per micrograph and in all), memory, a measured speed and the
/// shard table, without writing anything.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly DatasetWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Plan_prints_the_costs_of_the_dataset_and_writes_nothing()
    {
        var a = _workspace.Micrograph("a");
        var table = _workspace.Table(
            "micrographs.csv", (a, 5200, 4950, 25), (_workspace.Micrograph("b"), 9000, 8000, 5), (_workspace.Micrograph("c"), 7000, 7000, 0));
        long correlations;
        using (var job = MatchTemplateJob.Prepare(
                   _workspace.Settings with { MicrographPath = a, MatchTemplateResult = Settings.SampleSettings.Result(_workspace.File("probe")) },
                   _workspace.Path, new MatchTemplateOptions()))
        {
            correlations = job.TotalCorrelations;
        }

        Directory.Delete(_workspace.File("probe"), recursive: true);
        var before = Directory.GetFileSystemEntries(_workspace.Path, "*", SearchOption.AllDirectories).Order().ToList();

        var (code, output, error) = CliRun.Run(
            "plan", _workspace.Config, "--micrographs", table, "--threads", "1", "--backend", "cpu", "--shards", "3", "--time", "10");

        Assert.True(code == ExitCodes.Success, output + error);
        output = Regex.Replace(output, @"\s+", " "); // the console wraps long lines
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"= {correlations:N0} cross-correlations; {3 * correlations:N0} for the 3 micrographs"), output);
        Assert.Contains("per worker thread", output);
        Assert.Contains("s per correlation with 1 thread(s) on cpu", output);
        Assert.Contains("(fits --time 10)", output);
        Assert.Matches(@"│ 3 +│ 9 +│", output);
        Assert.Equal(before, Directory.GetFileSystemEntries(_workspace.Path, "*", SearchOption.AllDirectories).Order().ToList());
    }
}
