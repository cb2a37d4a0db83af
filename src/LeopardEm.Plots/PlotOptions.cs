using LeopardEm.Peaks;

namespace LeopardEm.Plots;

/// <summary>Run-time options of <see cref="PlotJob"/>.</summary>
public sealed record PlotOptions
{
    /// <summary>Folder for the figures and <c>index.html</c>.</summary>
    public required string Directory { get; init; }

    /// <summary>A particle table whose particles are shown instead of a new pick (any table with <c>pos_x</c>,
    /// <c>pos_y</c>; with <c>refined_scaled_mip</c> it also gives figure (d)), or null.</summary>
    public string? CsvPath { get; init; }

    /// <summary>The metric and cutoffs the figures show (and pick with when there is no table). Null: those of the
    /// table when it has a metric column (<see cref="Particles.PickedParticleColumns"/>), else Leopard-EM's defaults
    /// (z-score metric, one false positive).</summary>
    public PickingOptions? Picking { get; init; }

    /// <summary>Whether existing files may be replaced.</summary>
    public bool AllowOverwrite { get; init; }
}
