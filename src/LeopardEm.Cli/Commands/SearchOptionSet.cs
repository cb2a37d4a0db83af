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

    private readonly Option<int> _batchSize = new("--orientation-batch-size")
    {
        Description = "Orientations handed to a worker at a time (does not change results).",
        DefaultValueFactory = _ => 16,
    };

    private readonly Option<double?> _falsePositives = new("--false-positives")
    {
        Description = "Expected number of false peaks that sets the z-score threshold (default 1.0).",
    };

    private readonly Option<double?> _zScoreCutoff = new("--z-score-cutoff")
    {
        Description = "Use this z-score threshold instead of one derived from --false-positives.",
    };

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
        _batchSize.Validators.Add(r => Require(r, r.GetValueOrDefault<int>() >= 1, "--orientation-batch-size must be at least 1."));
        _falsePositives.Validators.Add(r => Require(r, r.GetValueOrDefault<double?>() > 0, "--false-positives must be positive."));
    }

    private static void Require(System.CommandLine.Parsing.OptionResult result, bool condition, string message)
    {
        if (!condition)
        {
            result.AddError(message);
        }
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
