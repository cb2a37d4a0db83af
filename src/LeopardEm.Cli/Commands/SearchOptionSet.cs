using System.CommandLine;
using LeopardEm.Plots;
using LeopardEm.Programs;

namespace LeopardEm.Cli.Commands;

/// <summary>The run-time options of a full search (match-template and demo), declared once.</summary>
internal sealed class SearchOptionSet
{
    private readonly ComputeOptionSet _compute = new();

    private readonly Option<FileInfo?> _outputCsv = new("--output-csv")
    {
        Description = "Write the particle table (Leopard-EM columns, pandas layout) to this CSV file.",
    };

    private readonly Option<int> _batchSize = NumberOptions.Whole(
        "--orientation-batch-size", "Orientations handed to a worker at a time (does not change results).", n => n >= 1, "at least 1", 16);

    private readonly PickingOptionSet _picking = new();
    private readonly PickOutputOptionSet _pickOutputs = new();

    private readonly Option<bool> _allowPixelSizeMismatch = new("--allow-pixel-size-mismatch")
    {
        Description = "Run even when the micrograph's or template's header pixel size differs from optics_group.pixel_size by more than 1 %.",
    };

    public ComputeOptionSet Compute => _compute;

    public void AddTo(Command command)
    {
        _compute.AddTo(command);
        command.Add(_outputCsv);
        command.Add(_batchSize);
        _picking.AddTo(command);
        _pickOutputs.AddTo(command);
        command.Add(_allowPixelSizeMismatch);
    }

    public MatchTemplateOptions Read(ParseResult parse)
    {
        var picking = _picking.Read(parse);
        return new()
        {
            OutputCsvPath = parse.GetValue(_outputCsv)?.FullName,
            OrientationBatchSize = parse.GetValue(_batchSize),
            Threads = _compute.Threads(parse),
            FalsePositives = picking.FalsePositives,
            ZScoreCutoff = picking.ZScoreCutoff,
            MaskRadius = picking.MaskRadius,
            Picking = _picking.MetricGiven(parse) ? picking : null,
            CoordinatesPath = _pickOutputs.Coordinates(parse),
            FullSizeMapsDirectory = _pickOutputs.FullSizeMaps(parse),
            AdditionalOutputs = _pickOutputs.Plots(parse) is { } plots
                ? [.. PickingReportOutputs.For("--plots", plots, Directory.GetCurrentDirectory())]
                : [],
            SliceConvention = _compute.SliceConvention(parse),
            AllowPixelSizeMismatch = parse.GetValue(_allowPixelSizeMismatch),
        };
    }
}
