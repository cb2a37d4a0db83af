namespace LeopardEm.Programs;

/// <summary>Run-time options of optimize_template that are not part of the YAML configuration (Leopard-EM's
/// <c>run_optimize_template</c> arguments plus ours).</summary>
public sealed record OptimizeTemplateOptions
{
    /// <summary>Leopard-EM's default score threshold: with neither <see cref="MinSnr"/> nor <see cref="BestN"/>, only
    /// particles whose refined z-score is at least this count.</summary>
    public const double DefaultMinSnr = 8.0;

    /// <summary>Worker threads for the simulations and refinements; 0 = one per processor.</summary>
    public int Threads { get; init; }

    /// <summary>Slice arithmetic, as in match_template (<see cref="MatchTemplateOptions.SliceConvention"/>).</summary>
    public Projection.SliceConvention SliceConvention { get; init; } = Projection.SliceConvention.Exact;

    /// <summary>Leopard-EM's <c>min_snr</c>: score only particles whose refined z-score is at least this (all finite
    /// ones when none is). Null: <see cref="DefaultMinSnr"/> unless <see cref="BestN"/> is given.</summary>
    public double? MinSnr { get; init; }

    /// <summary>Leopard-EM's <c>best_n</c>: score only the best this many particles (after <see cref="MinSnr"/>). Null:
    /// no limit.</summary>
    public int? BestN { get; init; }

    /// <summary>Leopard-EM's <c>consecutive_threshold</c>: the fine pass stops after this many consecutive candidates
    /// that do not beat the one before (the coarse pass always stops after 2, as upstream). Default 2.</summary>
    public int ConsecutiveThreshold { get; init; } = 2;

    /// <summary>Additional B-factors (Å², <c>simulator.additional_b_factor</c>) to try at the optimal pixel size (at
    /// <c>simulator.pixel_spacing</c> when the pixel-size search is disabled), or null for no B-factor scan.</summary>
    public BFactorScan? BFactorScan { get; init; }

    /// <summary>Where to write the score curve (CSV, one row per evaluated candidate), or null for none.</summary>
    public string? OutputCsvPath { get; init; }

    /// <summary>Where to write the result in Leopard-EM's text format (<c>Optimal template px: X.XXX Å</c>), or null
    /// for none.</summary>
    public string? OutputTextPath { get; init; }

    /// <summary>Where to write the template simulated at the optimum (MRC), or null for none.</summary>
    public string? TemplatePath { get; init; }

    /// <summary>Replace existing output files; when false an existing file is an error found before any work is
    /// done.</summary>
    public bool AllowOverwrite { get; init; }

    /// <summary>Folder of RELION MTF files for built-in MTF names; null reads
    /// <see cref="Io.MtfCatalog.DirectoryVariable"/>.</summary>
    public string? MtfDirectory { get; init; }

    /// <summary>Checks the values that have rules; an empty list means valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MinSnr is { } min && !double.IsFinite(min))
        {
            problems.Add($"the minimum z-score must be a finite number, got {min}");
        }

        if (BestN is < 1)
        {
            problems.Add($"the number of best particles must be at least 1, got {BestN}");
        }

        if (ConsecutiveThreshold < 1)
        {
            problems.Add($"the consecutive-decrease threshold must be at least 1, got {ConsecutiveThreshold}");
        }

        if (BFactorScan?.Problem() is { } scan)
        {
            problems.Add(scan);
        }

        return problems;
    }
}
