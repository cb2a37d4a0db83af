using System.CommandLine;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using LeopardEm.Fft;

namespace LeopardEm.Cli.Commands;

/// <summary><c>leopard info</c>: what this installation will compute with.</summary>
internal static class InfoCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command(
            "info",
            "Show the FFT engine in use and where it was loaded from, threads, SIMD support and the cache directory.\n" +
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
            ("threads", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("simd", DescribeSimd()),
            ("fft engine", engine is FftwEngine fftw ? $"fftw ({fftw.Version}, planner {fftw.PlannerRigor})" : engine.Name),
            ("loaded from", engine.Location),
            ("fft choice", $"{FftEngines.DefaultReason} Set {FftEngines.EnvironmentVariable}=fftw|managed to force one."),
            ("cache", UserCache.Directory ?? "(none: no home directory)"),
        ];
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
