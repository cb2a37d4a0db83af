using LeopardEm.Outputs;
using LeopardEm.Peaks;

namespace LeopardEm.Programs;

/// <summary>Run-time options of a pick from saved maps (<see cref="PickJob"/>).</summary>
public sealed record PickOptions
{
    /// <summary>The metric and its parameters. <see cref="PickingOptions.CorrelationsPerPixel"/> is taken from the
    /// configuration's search space when null.</summary>
    public PickingOptions Picking { get; init; } = new();

    /// <summary>Where to write the particle table (Leopard-EM's columns plus the metric's value and cutoff columns), or
    /// null for none.</summary>
    public string? OutputCsvPath { get; init; }

    /// <summary>Where to write the particle centres (<c>.coords</c> or EMAN <c>.box</c>, by extension), or null.</summary>
    public string? CoordinatesPath { get; init; }

    /// <summary>Folder for full-size copies of the maps (<see cref="PickingOutputs.FullSizeMaps"/>), or null.</summary>
    public string? FullSizeMapsDirectory { get; init; }

    /// <summary>Whether existing output files may be replaced.</summary>
    public bool AllowOverwrite { get; init; }

    /// <summary>More outputs written with the others, all or none (e.g. the figures of <c>LeopardEm.Plots</c>).</summary>
    public IReadOnlyList<IOutputWriter<PickOutcome>> AdditionalOutputs { get; init; } = [];
}
