using LeopardEm.Orientations;

namespace LeopardEm.Programs;

/// <summary>Run-time options of refine_template that are not part of the YAML configuration (Leopard-EM's
/// <c>run_refine_template</c> arguments plus ours).</summary>
public sealed record RefineTemplateOptions
{
    /// <summary>Worker threads; 0 = one per processor.</summary>
    public int Threads { get; init; }

    /// <summary>Orientation offsets to search: the symmetric grid over every configured range (default) or Leopard-EM's
    /// own offsets, to compare with Leopard-EM (docs/differences-from-leopard-em.md).</summary>
    public LocalGridConvention LocalGrid { get; init; } = LocalGridConvention.Symmetric;

    /// <summary>Slice arithmetic, as in match_template (<see cref="MatchTemplateOptions.SliceConvention"/>).</summary>
    public Projection.SliceConvention SliceConvention { get; init; } = Projection.SliceConvention.Exact;

    /// <summary>Where to write the refined particle table CSV, or null for none.</summary>
    public string? OutputCsvPath { get; init; }

    /// <summary>Replace an existing <see cref="OutputCsvPath"/>; when false an existing file is an error found before
    /// any work is done.</summary>
    public bool AllowOverwrite { get; init; }
}
