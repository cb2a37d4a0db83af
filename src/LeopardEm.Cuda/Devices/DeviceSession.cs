using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace LeopardEm.Cuda.Devices;

/// <summary>
/// An ILGPU context with one accelerator: a CUDA device, or ILGPU's CPU accelerator (which runs the same kernels on
/// the host, slowly, so the device path can be exercised without a GPU). Disposing releases both.
/// </summary>
public sealed class DeviceSession : IDisposable
{
    private readonly Context _context;

    private DeviceSession(Context context, Accelerator accelerator)
    {
        _context = context;
        Accelerator = accelerator;
    }

    /// <summary>The accelerator kernels and pipelines run on.</summary>
    public Accelerator Accelerator { get; }

    /// <summary>Held while a pipeline uses the accelerator: it runs one pipeline at a time (pipelines bind it to their
    /// thread and queue on its default stream).</summary>
    internal object Gate { get; } = new();

    /// <summary>True for a CUDA device.</summary>
    public bool IsCuda => Accelerator is CudaAccelerator;

    /// <summary>One line describing the accelerator, e.g. "cuda 0: NVIDIA H200 (139.8 GiB, sm_90)".</summary>
    public string Description => Accelerator switch
    {
        CudaAccelerator cuda => $"cuda {cuda.DeviceId}: {cuda.Name} ({cuda.MemorySize / (double)(1L << 30):F1} GiB, sm_{cuda.Architecture.Major}{cuda.Architecture.Minor})",
        CPUAccelerator cpu => $"ILGPU CPU accelerator ({cpu.NumThreads} threads)",
        _ => Accelerator.Name,
    };

    /// <summary>
    /// ILGPU's CPU accelerator, shaped for speed rather than for mimicking a GPU: one multiprocessor per processor, each
    /// running groups of two threads. The CPU accelerator runs every thread of a group as an OS thread synchronised at
    /// barriers, so ILGPU's default (groups of 16 on one multiprocessor) spends most of its time switching threads.
    /// </summary>
    public static DeviceSession CreateCpu()
    {
        var device = new CPUDevice(numThreadsPerWarp: 2, numWarpsPerMultiprocessor: 1, numMultiprocessors: Environment.ProcessorCount);
        var context = Context.Create(builder => builder.CPU(device).EnableAlgorithms());
        try
        {
            return new DeviceSession(context, context.CreateCPUAccelerator(0));
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>CUDA device <paramref name="deviceIndex"/> (ILGPU's numbering, the driver's order).</summary>
    /// <exception cref="InvalidOperationException">No such CUDA device (no driver, no GPU, or an index past the
    /// last).</exception>
    public static DeviceSession CreateCuda(int deviceIndex = 0)
    {
        CudaDriverLibrary.EnsureResolvable();
        var context = Context.Create(builder => builder.Cuda().EnableAlgorithms());
        try
        {
            var devices = context.GetCudaDevices();
            if (deviceIndex < 0 || deviceIndex >= devices.Count)
            {
                throw new InvalidOperationException(devices.Count == 0
                    ? "No CUDA device found (no NVIDIA driver or GPU visible to this process)."
                    : $"CUDA device {deviceIndex} does not exist; devices 0..{devices.Count - 1} are available.");
            }

            return new DeviceSession(context, context.CreateCudaAccelerator(deviceIndex));
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Accelerator.Dispose();
        _context.Dispose();
    }
}
