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

    /// <summary>Run even when the micrograph's or template's header pixel size differs from the YAML's by more than
    /// <see cref="PixelSizeConsistency.Tolerance"/> (reported as a note instead).</summary>
    public bool AllowPixelSizeMismatch { get; init; }

    /// <summary>The settings' part of the search fingerprint (e.g. <c>MatchTemplateConfig.SearchFingerprint</c>: the
    /// canonical YAML without paths); the job adds the micrograph's and template's contents and the search space. Parts
    /// and checkpoints of searches with different fingerprints are never combined.</summary>
    public string SettingsFingerprint { get; init; } = "";

    /// <summary>Save progress to a checkpoint and continue from it on a rerun; null runs without checkpoints.</summary>
    public Shards.Checkpointing? Checkpoint { get; init; }

    /// <summary>Compute only this shard of the search and write its partial result to <see cref="PartialPath"/> (no
    /// maps, no table); null: the whole search (as one partial result when <see cref="PartialPath"/> is set).</summary>
    public Shards.ShardSpec? Shard { get; init; }

    /// <summary>Where to write the partial result of <see cref="Shard"/> (or of the whole search), instead of the maps
    /// and table; null for the normal outputs.</summary>
    public string? PartialPath { get; init; }

    /// <summary>Where to write the particle table CSV, or null for none.</summary>
    public string? OutputCsvPath { get; init; }

    /// <summary>How particles are called, with any <see cref="Peaks.PickingMetric"/>; the table then gains the metric's
    /// value and cutoff columns (<see cref="Particles.PickedParticleColumns"/>). Null: Leopard-EM's z-score picking from
    /// <see cref="FalsePositives"/>, <see cref="ZScoreCutoff"/> and <see cref="MaskRadius"/>, and exactly Leopard-EM's
    /// table. The correlations per pixel are the search's whatever this says.</summary>
    public Peaks.PickingOptions? Picking { get; init; }

    /// <summary>Where to write the particle centres (<c>.coords</c> or EMAN <c>.box</c>, by extension), or null.</summary>
    public string? CoordinatesPath { get; init; }

    /// <summary>Folder for copies of the maps padded to the micrograph's shape (<see cref="PickingOutputs.FullSizeMaps"/>;
    /// needs <see cref="ValidCrop"/>), or null.</summary>
    public string? FullSizeMapsDirectory { get; init; }

    /// <summary>More outputs written with the maps and the table, all or none (e.g. the figures of
    /// <c>LeopardEm.Plots</c>).</summary>
    public IReadOnlyList<Outputs.IOutputWriter<MatchTemplateOutcome>> AdditionalOutputs { get; init; } = [];

    /// <summary>Where to write the particles as a RELION 3.1 particle STAR file (image size = the template edge;
    /// micrograph paths relative to the file's folder), or null for none.</summary>
    public string? OutputStarPath { get; init; }

    /// <summary>A CTFFIND4 results file or RELION micrograph CTF STAR file whose estimate for the micrograph replaces
    /// the configuration's defocus_u, defocus_v, astigmatism_angle and phase_shift; null to use the configuration's.</summary>
    public string? CtfPath { get; init; }
}
