using System.Globalization;

namespace LeopardEm.Bench;

/// <summary>Command-line options of the throughput harness.</summary>
internal sealed record BenchOptions
{
    /// <summary>Micrograph sizes to measure.</summary>
    public IReadOnlyList<FrameSize> Sizes { get; init; } =
        [new(1024, 1024), new(2048, 2048), new(4096, 4096), new(5760, 4092)];

    /// <summary>Worker threads (one correlation per thread at a time).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Template edge N, voxels.</summary>
    public int Template { get; init; } = 256;

    /// <summary>Defocus planes per orientation.</summary>
    public int Defocus { get; init; } = 3;

    /// <summary>Orientations of the short run (n) of the protocol.</summary>
    public int ShortRun { get; init; } = 2;

    /// <summary>Orientations of the long run (N) of the protocol.</summary>
    public int LongRun { get; init; } = 16;

    /// <summary>Timed repetitions of each run; the fastest counts.</summary>
    public int Repeats { get; init; } = 2;

    /// <summary>Transform pairs per thread for the FFT floor.</summary>
    public int FloorIterations { get; init; } = 4;

    /// <summary>Engine for the search and the floor: fftw, managed, or null for the process default.</summary>
    public string? Engine { get; init; }

    /// <summary>Also measure the managed engine's floor, for the managed/FFTW ratio.</summary>
    public bool CompareManaged { get; init; } = true;

    /// <summary>What runs the search: "cpu" (the CPU backend), "cuda" (the device backend on a CUDA device, floor on
    /// cuFFT) or "ilgpu-cpu" (the device backend on ILGPU's CPU accelerator: slow, to try the device path here).</summary>
    public string Backend { get; init; } = "cpu";

    /// <summary>CUDA device index for <c>--backend cuda</c>.</summary>
    public int Device { get; init; }

    /// <summary>Orientations per batch (null: 1 on the CPU, so every thread has work even in the short run; 16, Leopard-EM's
    /// default, on a device).</summary>
    public int? OrientationBatchSize { get; init; }

    /// <summary>The orientations per batch in effect.</summary>
    public int EffectiveBatchSize => OrientationBatchSize ?? (Backend == "cpu" ? 1 : 16);

    /// <summary>Where the JSON results go.</summary>
    public string JsonPath { get; init; } = Path.Combine("artifacts", "bench", "throughput.json");

    /// <summary>The usage text.</summary>
    public const string Usage = """
        LeopardEm.Bench — cross-correlation throughput of the search against the FFT floor.
          --sizes 1024,2048,4096,5760x4092   micrograph sizes (W or WxH)
          --threads T                        worker threads (default: all processors)
          --template N                       template edge, voxels (default 256)
          --defocus D                        defocus planes per orientation (default 3)
          --orientations n,N                 orientations of the short and long run (default 2,16)
          --repeats R                        timed repetitions per run, fastest counts (default 2)
          --floor-iterations I               transform pairs per thread for the floor (default 4)
          --engine fftw|managed              FFT engine (default: LEOPARD_FFT / FFTW when installed)
          --backend cpu|cuda|ilgpu-cpu       search backend (default cpu); on a device the floor is the device FFT's
                                             (cuFFT) r2c + c2r of the search's frame, measured in the same process
          --device I                         CUDA device for --backend cuda (default 0)
          --batch B                          orientations per batch (default 1 on the CPU, 16 on a device)
          --no-managed                       skip the managed engine's floor
          --json PATH                        JSON output (default artifacts/bench/throughput.json)
        """;

    /// <summary>Parses the command line.</summary>
    /// <exception cref="FormatException">An option is unknown or malformed.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(FrameSize.Parse).ToArray() },
                "--threads" => options with { Threads = Int() },
                "--template" => options with { Template = Int() },
                "--defocus" => options with { Defocus = Int() },
                "--orientations" => ParseRuns(options, Value()),
                "--repeats" => options with { Repeats = Int() },
                "--floor-iterations" => options with { FloorIterations = Int() },
                "--engine" => options with { Engine = Value() },
                "--no-managed" => options with { CompareManaged = false },
                "--backend" => options with { Backend = Value() is var b && b is "cpu" or "cuda" or "ilgpu-cpu" ? b : throw new FormatException("--backend is cpu, cuda or ilgpu-cpu.") },
                "--device" => options with { Device = Int() },
                "--batch" => options with { OrientationBatchSize = Int() },
                "--json" => options with { JsonPath = Value() },
                _ => throw new FormatException($"Unknown option '{args[i]}'."),
            };
        }

        if (options.Threads < 1 || options.Template < 2 || options.Template % 2 != 0 || options.Defocus < 1
            || options.ShortRun < 1 || options.LongRun <= options.ShortRun || options.Repeats < 1 || options.FloorIterations < 1
            || options.EffectiveBatchSize < 1)
        {
            throw new FormatException("Threads, defocus, repeats and iterations must be positive, the template edge even, and n < N.");
        }

        return options;
    }

    private static BenchOptions ParseRuns(BenchOptions options, string text)
    {
        var parts = text.Split(',');
        return parts.Length == 2
            ? options with { ShortRun = int.Parse(parts[0], CultureInfo.InvariantCulture), LongRun = int.Parse(parts[1], CultureInfo.InvariantCulture) }
            : throw new FormatException("--orientations takes n,N.");
    }
}
