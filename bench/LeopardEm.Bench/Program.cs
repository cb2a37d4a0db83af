using LeopardEm.Bench;
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
var compareManaged = options.CompareManaged && fft.Name != FftEngines.Managed.Name;
Console.WriteLine($"engine {fft.Name} ({fft.Location}); {options.Threads} threads on {Environment.ProcessorCount} processors; "
    + $"template {options.Template}³, {options.Defocus} defocus planes, n = {options.ShortRun}, N = {options.LongRun} orientations");
var template = SyntheticSearch.Template(options.Template, fft);
GC.Collect();
var backend = new CpuCorrelationBackend(fft);
var rows = new List<BenchRow>();
Console.WriteLine(BenchReport.Header);
foreach (var size in options.Sizes)
{
    using var inputs = SyntheticSearch.Inputs(size, template, options.LongRun, options.Defocus, fft);
    var throughput = ThroughputProtocol.Measure(backend, inputs, options);
    var floor = FftFloor.Measure(fft, size, options.Template, options.Threads, options.FloorIterations);
    var managed = compareManaged
        ? FftFloor.Measure(FftEngines.Managed, size, options.Template, options.Threads, options.FloorIterations).Total
        : (double?)null;
    var perCorrelation = 1 / throughput.Rate;
    var row = new BenchRow(
        size.ToString(), size.Width, size.Height, options.Threads, fft.Name, throughput.Rate, perCorrelation,
        throughput.FixedCost, floor.Total, floor.Forward, floor.Inverse, perCorrelation / floor.Total,
        throughput.PeakBytes, throughput.AllocatedPerCorrelation, managed, throughput.ShortSeconds, throughput.LongSeconds);
    rows.Add(row);
    Console.WriteLine(BenchReport.Line(row));
}

Console.WriteLine();
foreach (var line in BenchReport.Targets(rows))
{
    Console.WriteLine(line);
}

BenchReport.WriteJson(options.JsonPath, options, rows);
Console.WriteLine($"JSON: {Path.GetFullPath(options.JsonPath)}");
return 0;
