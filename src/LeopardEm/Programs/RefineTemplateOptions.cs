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

    /// <summary>Where to write the refined particles as a RELION 3.1 particle STAR file, or null for none.</summary>
    public string? OutputStarPath { get; init; }

    /// <summary>The match_template runs whose statistics maps belong to the micrographs of a RELION particle STAR
    /// file given as <c>particle_stack.df_path</c> (one per micrograph; see
    /// <see cref="Interop.RelionParticleImport"/>); unused for a CSV table, which names its maps.</summary>
    public IReadOnlyList<Interop.MatchTemplateRun> MatchTemplateRuns { get; init; } = [];

    /// <summary>Where the micrographs of a RELION particle STAR file are (each is this folder plus the file name
    /// the STAR file gives); null to resolve the names against the STAR file's folder.</summary>
    public string? MicrographDirectory { get; init; }

    /// <summary>Replace an existing <see cref="OutputCsvPath"/> or <see cref="OutputStarPath"/>; when false an existing
    /// file is an error found before any work is done.</summary>
    public bool AllowOverwrite { get; init; }
}
