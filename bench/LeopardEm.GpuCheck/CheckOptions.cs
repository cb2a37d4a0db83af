using System.Globalization;

namespace LeopardEm.GpuCheck;

/// <summary>Command-line options of the GPU check.</summary>
internal sealed record CheckOptions
{
    /// <summary>The environment variable that shrinks the throughput run to a tiny size ("tiny").</summary>
    public const string SizeVariable = "LEOPARD_GPU_CHECK_SIZE";

    /// <summary>"cuda" (default) or "cpu" (ILGPU's CPU accelerator, to try the program without a GPU).</summary>
    public string Device { get; init; } = "cuda";

    /// <summary>CUDA device index.</summary>
    public int DeviceIndex { get; init; }

    /// <summary>Micrograph edge of the throughput run, pixels (square).</summary>
    public int Micrograph { get; init; } = 4096;

    /// <summary>Template edge of the throughput run, voxels.</summary>
    public int Template { get; init; } = 512;

    /// <summary>Defocus planes per orientation of the throughput run.</summary>
    public int Defocus { get; init; } = 2;

    /// <summary>Orientations per batch of the throughput run (Leopard-EM's orientation_batch_size).</summary>
    public int Batch { get; init; } = 32;

    /// <summary>Seconds the timed search and the FFT floor each run for (about).</summary>
    public double Seconds { get; init; } = 20;

    /// <summary>Skip the throughput run (conformance only).</summary>
    public bool SkipThroughput { get; init; }

    /// <summary>Folder for gpu-check.json.</summary>
    public string OutputFolder { get; init; } = Environment.GetEnvironmentVariable("OUT") is { Length: > 0 } @out ? @out : ".";

    /// <summary>The usage text.</summary>
    public const string Usage = """
        gpu-check — the CUDA device path against the CPU code, and its throughput.
          --device cuda|cpu     accelerator (default cuda; cpu = ILGPU's CPU accelerator)
          --device-index I      CUDA device (default 0)
          --tiny                throughput at 128² with a 32³ template, batches of 4, 2 s (also LEOPARD_GPU_CHECK_SIZE=tiny)
          --micrograph W        throughput micrograph edge, pixels (default 4096)
          --template N          throughput template edge, voxels (default 512)
          --defocus D           defocus planes per orientation (default 2)
          --batch B             orientations per batch of the throughput run (default 32)
          --seconds S           seconds per timed measurement (default 20)
          --no-throughput       conformance checks only
          --out DIR             where gpu-check.json goes (default $OUT, else .)
        """;

    /// <summary>Parses the command line (after applying <see cref="SizeVariable"/>).</summary>
    /// <exception cref="FormatException">An option is unknown or malformed.</exception>
    public static CheckOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CheckOptions();
        if (string.Equals(Environment.GetEnvironmentVariable(SizeVariable), "tiny", StringComparison.OrdinalIgnoreCase))
        {
            options = options.Tiny();
        }

        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--device" => options with { Device = Value() is var d && d is "cuda" or "cpu" ? d : throw new FormatException("--device is cuda or cpu.") },
                "--device-index" => options with { DeviceIndex = Int() },
                "--tiny" => options.Tiny(),
                "--micrograph" => options with { Micrograph = Int() },
                "--template" => options with { Template = Int() },
                "--defocus" => options with { Defocus = Int() },
                "--batch" => options with { Batch = Int() },
                "--seconds" => options with { Seconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--no-throughput" => options with { SkipThroughput = true },
                "--out" => options with { OutputFolder = Value() },
                _ => throw new FormatException($"Unknown option '{args[i]}'."),
            };
        }

        if (options.Template < 4 || options.Template % 2 != 0 || options.Micrograph < options.Template || options.Defocus < 1 || options.Batch < 1 || options.Seconds <= 0)
        {
            throw new FormatException("The template edge must be even and at most the micrograph's; defocus and batch ≥ 1; seconds > 0.");
        }

        return options;
    }

    private CheckOptions Tiny() => this with { Micrograph = 128, Template = 32, Batch = 4, Seconds = 2 };
}
