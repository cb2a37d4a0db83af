using System.Diagnostics;
using LeopardEm.Compute;
using LeopardEm.Datasets;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Shards;

namespace LeopardEm.Cli.Runs;

/// <summary>
/// What one micrograph's search costs on this machine, measured in a few seconds: the job is prepared as a task
/// prepares it (its outputs pointed at a scratch folder, so nothing of the user's is touched) and the first
/// orientations are timed (<see cref="MatchTemplateJob.MeasureSecondsPerCorrelation"/>).
/// </summary>
/// <param name="Plan">Correlations, seconds per correlation and a task's set-up (preparing plus calibrating).</param>
/// <param name="Memory">The search's memory with <paramref name="Threads"/> threads.</param>
/// <param name="Job">What was searched: image and template sizes, the search space, the backend.</param>
/// <param name="Threads">Worker threads measured with.</param>
internal sealed record Calibration(ShardPlan Plan, SearchMemory Memory, CalibratedSearch Job, int Threads)
{
    public static Calibration Measure(RunItem item, MatchTemplateOptions options, Func<GpuIds, ComputeBackend> backend)
    {
        var scratch = Directory.CreateTempSubdirectory("leopard-calibration-");
        try
        {
            var baseDirectory = Directory.GetCurrentDirectory();
            var settings = MicrographSettings.For(item.Settings, null, scratch.FullName, baseDirectory);
            var watch = Stopwatch.StartNew();
            using var job = MatchTemplateJob.Prepare(
                settings, baseDirectory,
                new MatchTemplateOptions
                {
                    Threads = options.Threads,
                    OrientationBatchSize = options.OrientationBatchSize,
                    SliceConvention = options.SliceConvention,
                    AllowPixelSizeMismatch = options.AllowPixelSizeMismatch,
                },
                backend(settings.ComputationalConfig.GpuIds));
            var perCorrelation = job.MeasureSecondsPerCorrelation();
            var setup = watch.Elapsed.TotalSeconds;
            var threads = ThreadCount.Resolve(options.Threads);
            var inputs = job.Inputs;
            var space = inputs.Space;
            return new Calibration(
                new ShardPlan(job.TotalCorrelations, perCorrelation, setup),
                SearchBudget.MatchTemplateMemory(space.OrientationCount, inputs.ImageHeight, inputs.ImageWidth, inputs.Template.Size, threads),
                new CalibratedSearch(
                    inputs.ImageWidth, inputs.ImageHeight, inputs.Template.Size, space.OrientationCount, space.DefocusCount, space.PixelSizeCount,
                    job.BackendName),
                threads);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}

/// <summary>The search a calibration measured.</summary>
internal sealed record CalibratedSearch(
    int Width, int Height, int TemplateSize, int Orientations, int DefocusPlanes, int PixelSizePlanes, string Backend);
