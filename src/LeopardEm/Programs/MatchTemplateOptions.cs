namespace LeopardEm.Programs;

/// <summary>Run-time options of match_template that are not part of the YAML configuration (Leopard-EM's
/// <c>run_match_template</c> arguments plus our peak-picking and output options).</summary>
public sealed record MatchTemplateOptions
{
    /// <summary>Worker threads; 0 = one per processor.</summary>
    public int Threads { get; init; }

    /// <summary>Orientations handed to a worker at a time (Leopard-EM default 16). Does not change results.</summary>
    public int OrientationBatchSize { get; init; } = 16;

    /// <summary>Crop the maps to the positions where the template lies inside the micrograph (Leopard-EM default).</summary>
    public bool ValidCrop { get; init; } = true;

    /// <summary>Expected number of false peaks that sets the z-score threshold (Leopard-EM default 1.0); ignored when
    /// <see cref="ZScoreCutoff"/> is set.</summary>
    public double FalsePositives { get; init; } = 1.0;

    /// <summary>An explicit z-score threshold, or null to derive it from <see cref="FalsePositives"/>.</summary>
    public double? ZScoreCutoff { get; init; }

    /// <summary>Peak suppression radius, pixels.</summary>
    public double MaskRadius { get; init; } = Peaks.PeakFinder.DefaultMaskRadius;

    /// <summary>Slice arithmetic; <see cref="Projection.SliceConvention.Leopard"/> reproduces Leopard-EM's numbers,
    /// including its slice artefact (docs/differences-from-leopard-em.md).</summary>
    public Projection.SliceConvention SliceConvention { get; init; } = Projection.SliceConvention.Exact;

    /// <summary>Where to write the particle table CSV, or null for none.</summary>
    public string? OutputCsvPath { get; init; }

    /// <summary>Where to write the particles as a RELION 3.1 particle STAR file (image size = the template edge;
    /// micrograph paths relative to the file's folder), or null for none.</summary>
    public string? OutputStarPath { get; init; }

    /// <summary>A CTFFIND4 results file or RELION micrograph CTF STAR file whose estimate for the micrograph replaces
    /// the configuration's defocus_u, defocus_v, astigmatism_angle and phase_shift; null to use the configuration's.</summary>
    public string? CtfPath { get; init; }
}
