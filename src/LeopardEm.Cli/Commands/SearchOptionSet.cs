using System.CommandLine;
using LeopardEm.Programs;

namespace LeopardEm.Cli.Commands;

/// <summary>The run-time options every search verb shares, declared once.</summary>
internal sealed class SearchOptionSet
{
    private readonly Option<FileInfo?> _outputCsv = new("--output-csv")
    {
        Description = "Write the particle table (Leopard-EM columns, pandas layout) to this CSV file.",
    };

    private readonly Option<int> _batchSize = new("--orientation-batch-size")
    {
        Description = "Orientations handed to a worker at a time (does not change results).",
        DefaultValueFactory = _ => 16,
    };

    private readonly Option<int> _threads = new("--threads")
    {
        Description = "Worker threads (default: one per processor).",
    };

    private readonly Option<double?> _falsePositives = new("--false-positives")
    {
        Description = "Expected number of false peaks that sets the z-score threshold (default 1.0).",
    };

    private readonly Option<double?> _zScoreCutoff = new("--z-score-cutoff")
    {
        Description = "Use this z-score threshold instead of one derived from --false-positives.",
    };

    public void AddTo(Command command)
    {
        command.Add(_outputCsv);
        command.Add(_batchSize);
        command.Add(_threads);
        command.Add(_falsePositives);
        command.Add(_zScoreCutoff);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_falsePositives) is not null && result.GetValue(_zScoreCutoff) is not null)
            {
                result.AddError("--false-positives and --z-score-cutoff are alternatives; give one of them.");
            }

            if (result.GetValue(_batchSize) < 1)
            {
                result.AddError("--orientation-batch-size must be at least 1.");
            }

            if (result.GetValue(_threads) < 0)
            {
                result.AddError("--threads must be 0 (all processors) or more.");
            }

            if (result.GetValue(_falsePositives) is <= 0)
            {
                result.AddError("--false-positives must be positive.");
            }
        });
    }

    public MatchTemplateOptions Read(System.CommandLine.ParseResult parse) => new()
    {
        OutputCsvPath = parse.GetValue(_outputCsv)?.FullName,
        OrientationBatchSize = parse.GetValue(_batchSize),
        Threads = parse.GetValue(_threads),
        FalsePositives = parse.GetValue(_falsePositives) ?? 1.0,
        ZScoreCutoff = parse.GetValue(_zScoreCutoff),
    };
}
