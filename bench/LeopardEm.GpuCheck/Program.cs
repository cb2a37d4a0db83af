using System.Text.Encodings.Web;
using System.Text.Json;
using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Diagnostics;
using LeopardEm.Fft;
using LeopardEm.GpuCheck;

CheckOptions options;
try
{
    options = CheckOptions.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CheckOptions.Usage);
    return 2;
}

static void Log(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");

var inventory = CudaInventory.Probe();
Log($"CUDA devices: {inventory.Devices.Count}{(inventory.DriverError is { } driver ? $" (driver: {driver})" : "")}; cuFFT {inventory.CuFftVersion ?? "unavailable: " + inventory.CuFftError}; host FFT {FftEngines.DefaultReason}");
foreach (var device in inventory.Devices)
{
    Log($"  {device}");
}

var checks = new List<ConformanceCheck>();
ThroughputResult? throughput = null;
string? failure = null;
string description = "";
try
{
    using var session = options.Device == "cpu" ? DeviceSession.CreateCpu() : DeviceSession.CreateCuda(options.DeviceIndex);
    description = session.Description;
    Log($"device: {description}");
    foreach (var check in DeviceConformance.RunAll(session))
    {
        checks.Add(check);
        Log(check.ToString());
    }

    if (session.IsCuda)
    {
        checks.Add(OutOfMemoryRetry.Check(session, Log));
        Log(checks[^1].ToString());
    }

    if (!options.SkipThroughput)
    {
        throughput = Throughput.Measure(session, options, Log);
    }
}
catch (Exception e)
{
    failure = e.ToString();
    Log($"FAILED: {e}");
}

var passed = failure is null && checks.All(c => c.Passed);
Directory.CreateDirectory(options.OutputFolder);
var path = Path.Combine(options.OutputFolder, "gpu-check.json");
File.WriteAllText(path, JsonSerializer.Serialize(
    new
    {
        passed,
        device = description,
        options,
        inventory,
        checks = checks.Select(c => new { c.Name, c.Passed, c.Error, c.Tolerance, c.Detail }),
        throughput,
        failure,
        machine = new { processors = Environment.ProcessorCount, runtime = Environment.Version.ToString(), os = Environment.OSVersion.ToString() },
    },
    new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
Log($"{(passed ? "PASSED" : "FAILED")}; results in {Path.GetFullPath(path)}");
return passed ? 0 : 1;
