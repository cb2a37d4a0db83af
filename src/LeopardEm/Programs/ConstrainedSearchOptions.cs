namespace LeopardEm.Programs;

/// <summary>Run-time options of constrained_search that are not part of the YAML configuration (Leopard-EM's
/// <c>run_constrained_search</c> arguments plus ours).</summary>
public sealed record ConstrainedSearchOptions
{
    /// <summary>Leopard-EM's default expected number of false positives per reference particle.</summary>
    public const double DefaultFalsePositives = 0.005;

    /// <summary>Worker threads; 0 = one per processor.</summary>
    public int Threads { get; init; }

    /// <summary>Slice arithmetic, as in match_template (<see cref="MatchTemplateOptions.SliceConvention"/>).</summary>
    public Projection.SliceConvention SliceConvention { get; init; } = Projection.SliceConvention.Exact;

    /// <summary>Expected number of false detections per reference particle that sets the z-score threshold (&gt; 0).
    /// Default 0.005.</summary>
    public double FalsePositives { get; init; } = DefaultFalsePositives;

    /// <summary>Where to write the table of every match, or null for no files. The parameters and above-threshold
    /// tables go next to it (<see cref="ConstrainedSearchJob.CompanionPath"/>).</summary>
    public string? OutputCsvPath { get; init; }

    /// <summary>Replace existing output files; when false an existing file is an error found before any work is
    /// done.</summary>
    public bool AllowOverwrite { get; init; }
}
