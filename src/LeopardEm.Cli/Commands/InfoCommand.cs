using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using LeopardEm.Cuda.Devices;
using LeopardEm.Fft;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard info</c>: what this installation will compute with.</summary>
internal static class InfoCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command(
            "info",
            "Show the FFT engine in use and where it was loaded from, threads, SIMD support, CUDA devices and the cache directory.\n" +
            "Run it first on a new machine: a search is only as fast as its FFT engine.");
        command.SetAction(_ =>
        {
            foreach (var (key, value) in Collect())
            {
                output.WriteLine($"{key,-16} {value}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    internal static IReadOnlyList<(string Key, string Value)> Collect()
    {
        var engine = FftEngines.Default;
        var version = typeof(InfoCommand).Assembly.GetName().Version?.ToString(3) ?? "unknown";
        return
        [
            ("version", version),
            ("runtime", $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.RuntimeIdentifier}"),
            ("threads", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
            ("simd", DescribeSimd()),
            ("fft engine", engine is FftwEngine fftw ? $"fftw ({fftw.Version}, planner {fftw.PlannerRigor})" : engine.Name),
            ("loaded from", engine.Location),
            ("fft choice", $"{FftEngines.DefaultReason} Set {FftEngines.EnvironmentVariable}=fftw|managed to force one."),
            .. DescribeCuda(DeviceBackends.Factory.Inventory),
            ("cache", UserCache.Directory ?? "(none: no home directory)"),
        ];
    }

    // One line for the CUDA backend (usable or why not, driver and cuFFT versions), then one per device.
    internal static IEnumerable<(string Key, string Value)> DescribeCuda(CudaInventory inventory)
    {
        var versions = $"driver {inventory.Devices.FirstOrDefault()?.DriverVersion ?? "none"}, "
            + (inventory.CuFftVersion is { } cufft ? $"cuFFT {cufft}" : "no cuFFT");
        yield return ("cuda", inventory.Unavailable is { } reason
            ? $"unavailable: {reason}. --backend auto uses the CPU."
            : $"{inventory.Devices.Count(d => d.Supported)} usable device(s); {versions}");
        foreach (var device in inventory.Devices)
        {
            var memory = (device.MemoryBytes / (double)(1L << 30)).ToString("F1", CultureInfo.InvariantCulture);
            var support = device.Supported ? "" : " (not supported by ILGPU)";
            yield return ($"cuda:{device.Index}",
                $"{device.Name}, {memory} GiB, compute capability {device.ComputeCapability ?? "unknown"}, {device.Multiprocessors} SMs{support}");
        }
    }

    private static string DescribeSimd()
    {
        var features = new List<string>();
        if (Vector256.IsHardwareAccelerated)
        {
            features.Add("Vector256");
        }

        if (Avx2.IsSupported)
        {
            features.Add("AVX2");
        }

        if (Fma.IsSupported)
        {
            features.Add("FMA");
        }

        if (Avx512F.IsSupported)
        {
            features.Add("AVX-512F");
        }

        if (AdvSimd.IsSupported)
        {
            features.Add("NEON");
        }

        return features.Count == 0 ? "none (scalar code paths)" : string.Join(", ", features);
    }
}
