using System.Diagnostics;
using System.Globalization;
using LeopardEm.Search;
using Spectre.Console;

namespace LeopardEm.Cli;

/// <summary>
/// Shows a search's progress: a live bar (correlations done, rate, time left) on a terminal, one line per 10 % when the
/// output is a file or a pipe (SLURM logs).
/// </summary>
internal static class SearchProgressDisplay
{
    public static T Run<T>(IAnsiConsole console, long total, Func<IProgress<SearchProgress>, T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(new LineReporter(console));
        }

        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("correlations", maxValue: total);
                var watch = Stopwatch.StartNew();
                return work(new Reporter(p =>
                {
                    task.Value = p.CorrelationsDone;
                    task.Description = $"{p.CorrelationsDone:N0}/{p.CorrelationsTotal:N0} correlations, {Rate(p, watch)}";
                }));
            });
    }

    private static string Rate(SearchProgress progress, Stopwatch watch) =>
        string.Create(CultureInfo.InvariantCulture, $"{progress.CorrelationsDone / Math.Max(watch.Elapsed.TotalSeconds, 1e-9):N0}/s");

    private sealed class Reporter(Action<SearchProgress> report) : IProgress<SearchProgress>
    {
        private readonly Lock _lock = new();

        public void Report(SearchProgress value)
        {
            lock (_lock)
            {
                report(value);
            }
        }
    }

    private sealed class LineReporter(IAnsiConsole console) : IProgress<SearchProgress>
    {
        private readonly Lock _lock = new();
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private int _lastDecile;

        public void Report(SearchProgress value)
        {
            lock (_lock)
            {
                var decile = (int)(value.Fraction * 10);
                if (decile <= _lastDecile)
                {
                    return;
                }

                _lastDecile = decile;
                var elapsed = _watch.Elapsed.TotalSeconds;
                var remaining = value.Fraction > 0 ? elapsed * (1 - value.Fraction) / value.Fraction : 0;
                console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {decile * 10,3}%  {value.CorrelationsDone:N0}/{value.CorrelationsTotal:N0} correlations, {Rate(value, _watch)}, {remaining:F0} s left"));
            }
        }
    }
}
