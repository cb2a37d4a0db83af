using LeopardEm.Bench;
using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Search;
using LeopardEm.Fft;
using LeopardEm.Search;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var fft = options.Engine is null ? FftEngines.Default : FftEngines.Select(options.Engine);
// On a device the search and its floor run on the device's FFT; the host engine prepares the inputs.
DeviceSession? device;
try
{
    device = options.Backend switch
    {
        "cuda" => DeviceSession.CreateCuda(options.Device),
        "ilgpu-cpu" => DeviceSession.CreateCpu(),
        _ => null,
    };
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"--backend {options.Backend}: {e.Message}");
    return 1;
}

using var deviceSession = device;
ICorrelationBackend backend = device is null ? new CpuCorrelationBackend(fft) : new DeviceCorrelationBackend(new DeviceGroup([device]), fft);
var engine = device is null ? fft.Name : DeviceFftFloor.Name(device.Accelerator, fft);
var compareManaged = device is null && options.CompareManaged && fft.Name != FftEngines.Managed.Name;
Console.WriteLine($"backend {backend.Name}{(device is null ? "" : $" ({device.Description})")}; engine {engine} (host {fft.Name}, {fft.Location}); "
    + $"{options.Threads} threads on {Environment.ProcessorCount} processors; batch {options.EffectiveBatchSize} orientations; "
    + $"template {options.Template}³, {options.Defocus} defocus planes, n = {options.ShortRun}, N = {options.LongRun} orientations");
var template = SyntheticSearch.Template(options.Template, fft);
GC.Collect();
var rows = new List<BenchRow>();
Console.WriteLine(BenchReport.Header);
foreach (var size in options.Sizes)
{
    using var inputs = SyntheticSearch.Inputs(size, template, options.LongRun, options.Defocus, fft);
    var load = LoadAverage.Read();
    var iterations = Math.Max(options.FloorIterations, (int)Math.Ceiling(16.0 * 1024 * 1024 / size.Pixels));
    ThroughputProtocol.WarmUp(backend, inputs, options);
    // Search and floor samples alternate, so both see the same conditions; the fastest of each counts.
    var samples = new List<ThroughputSample>();
    var floors = new List<FloorResult>();
    for (var r = 0; r < options.Repeats; r++)
    {
        samples.Add(ThroughputProtocol.Sample(backend, inputs, options));
        floors.Add(device is null
            ? FftFloor.Measure(fft, size, options.Template, options.Threads, iterations)
            : DeviceFloor(device, inputs));
    }

    var throughput = ThroughputProtocol.Combine(samples, options, options.Defocus);
    var floor = new FloorResult(floors.Min(f => f.Forward), floors.Min(f => f.Inverse), floors.Min(f => f.CpuSeconds));
    var managed = compareManaged
        ? FftFloor.Measure(FftEngines.Managed, size, options.Template, options.Threads, iterations).Total
        : (double?)null;
    load = Math.Max(load, LoadAverage.Read());
    var perCorrelation = 1 / throughput.Rate;
    var row = new BenchRow(
        size.ToString(), size.Width, size.Height, device is null ? "cpu" : backend.Name, options.Threads, engine, throughput.Rate, perCorrelation,
        throughput.FixedCost, floor.Total, floor.Forward, floor.Inverse, perCorrelation / floor.Total,
        throughput.PeakBytes, throughput.AllocatedPerCorrelation, managed, throughput.ShortSeconds, throughput.LongSeconds, load,
        throughput.CpuSecondsPerCorrelation, floor.CpuSeconds);
    rows.Add(row);
    Console.WriteLine(BenchReport.Line(row));
}

Console.WriteLine();
if (rows.Any(r => r.LoadAverage > options.Threads + 0.5))
{
    Console.WriteLine($"warning: the 1-minute load average reached {rows.Max(r => r.LoadAverage):F1} on {Environment.ProcessorCount} processors; "
        + "other processes shared the machine, so absolute rates are low (the ratios, from alternating samples, suffer less)");
}

foreach (var line in BenchReport.Targets(rows))
{
    Console.WriteLine(line);
}

BenchReport.WriteJson(options.JsonPath, options, rows);
Console.WriteLine($"JSON: {Path.GetFullPath(options.JsonPath)}");
return 0;

// The device FFT's r2c + c2r of the search's frame, in the search's batches; no CPU-time measure (the device works).
FloorResult DeviceFloor(DeviceSession session, SearchInputs inputs)
{
    var (forward, inverse) = DeviceFftFloor.Measure(
        session.Accelerator, fft, inputs.Frame.Height, inputs.Frame.Width, options.EffectiveBatchSize * options.Defocus, seconds: 1);
    return new FloorResult(forward, inverse, 0);
}
