using System.CommandLine;
using LeopardEm.Compute;
using LeopardEm.Fft;
using LeopardEm.Projection;
using LeopardEm.Settings;

namespace LeopardEm.Cli.Commands;

/// <summary>The options that say what a search or refinement computes on, shared by every verb that correlates: threads,
/// backend, slice arithmetic.</summary>
internal sealed class ComputeOptionSet
{
    private readonly Option<int> _threads = NumberOptions.Whole(
        "--threads", "Worker threads (default: one per processor).", n => n >= 0, "0 (all processors) or more");

    private readonly Option<BackendKind> _backend = new("--backend")
    {
        Description = "Where to compute: cpu, cuda (the devices of computational_config.gpu_ids), or auto (cuda when such a "
            + "device is present, else cpu). Default auto.",
        DefaultValueFactory = _ => BackendKind.Auto,
    };

    private readonly Option<bool> _leopardSlices = new("--leopard-slices")
    {
        Description = "Compute rotations and central slices with Leopard-EM's float32 arithmetic, to reproduce its numbers "
            + "including its slice artefact (see docs/differences-from-leopard-em.md).",
    };

    public void AddTo(Command command)
    {
        command.Add(_threads);
        command.Add(_backend);
        command.Add(_leopardSlices);
    }

    public int Threads(ParseResult parse) => parse.GetValue(_threads);

    public SliceConvention SliceConvention(ParseResult parse) =>
        parse.GetValue(_leopardSlices) ? Projection.SliceConvention.Leopard : Projection.SliceConvention.Exact;

    /// <summary>The backend for a configuration's <c>gpu_ids</c>: the one place where <c>--backend</c> and
    /// <c>computational_config.gpu_ids</c> meet.</summary>
    public Func<GpuIds, ComputeBackend> Backend(ParseResult parse)
    {
        var kind = parse.GetValue(_backend);
        return gpuIds => ComputeBackend.Select(kind, gpuIds, FftEngines.Default, DeviceBackends.Factory);
    }
}
