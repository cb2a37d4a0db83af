using LeopardEm.Simulation;
using Spectre.Console;

namespace LeopardEm.Cli;

/// <summary>Shows a simulation's progress as a live bar (slabs of the integration grid, then the Fourier stage) on a
/// terminal; prints nothing when the output is a file or a pipe, where the summary lines suffice.</summary>
internal static class SimulationProgressDisplay
{
    public static T Run<T>(IAnsiConsole console, Func<IProgress<SimulationProgress>?, T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(null);
        }

        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var rendering = context.AddTask("integrating atoms");
                var filtering = context.AddTask("Fourier crop and filters", autoStart: false, maxValue: 1);
                var gate = new Lock();
                return work(new Reporter(p =>
                {
                    lock (gate)
                    {
                        var task = p.Stage == SimulationStage.Rendering ? rendering : filtering;
                        task.MaxValue = Math.Max(p.Total, 1);
                        task.Value = p.Done;
                        if (p.Stage == SimulationStage.Filtering && !task.IsStarted)
                        {
                            task.StartTask();
                        }
                    }
                }));
            });
    }

    private sealed class Reporter(Action<SimulationProgress> report) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => report(value);
    }
}
