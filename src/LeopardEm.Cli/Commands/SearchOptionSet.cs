using System.CommandLine;
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

    private readonly Option<double?> _falsePositives = NumberOptions.OptionalReal(
        "--false-positives", "Expected number of false peaks that sets the z-score threshold (default 1.0).", v => v > 0, "a positive number");

    private readonly Option<double?> _zScoreCutoff = NumberOptions.OptionalReal(
        "--z-score-cutoff", "Use this z-score threshold instead of one derived from --false-positives.", _ => true, "a finite number");

    public ComputeOptionSet Compute => _compute;

    public void AddTo(Command command)
    {
        _compute.AddTo(command);
        command.Add(_outputCsv);
        command.Add(_batchSize);
        command.Add(_falsePositives);
        command.Add(_zScoreCutoff);
        command.Validators.Add(result =>
        {
            if (result.GetResult(_falsePositives) is not null && result.GetResult(_zScoreCutoff) is not null)
            {
                result.AddError("--false-positives and --z-score-cutoff are alternatives; give one of them.");
            }
        });
    }

    public MatchTemplateOptions Read(ParseResult parse) => new()
    {
        OutputCsvPath = parse.GetValue(_outputCsv)?.FullName,
        OrientationBatchSize = parse.GetValue(_batchSize),
        Threads = _compute.Threads(parse),
        FalsePositives = parse.GetValue(_falsePositives) ?? 1.0,
        ZScoreCutoff = parse.GetValue(_zScoreCutoff),
        SliceConvention = _compute.SliceConvention(parse),
    };
}
