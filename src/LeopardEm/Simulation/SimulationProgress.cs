namespace LeopardEm.Simulation;

/// <summary>Stages of a template simulation, in order.</summary>
public enum SimulationStage
{
    /// <summary>Integrating atoms on the fine grid, slab by slab (the bulk of the time for large models).</summary>
    Rendering,

    /// <summary>Fourier cropping, dose and MTF filtering, and the final inverse transform.</summary>
    Filtering,
}

/// <summary>Progress of a template simulation: <paramref name="Done"/> of <paramref name="Total"/> steps of
/// <paramref name="Stage"/> (slabs of planes while rendering, one step while filtering).</summary>
/// <param name="Stage">Current stage.</param>
/// <param name="Done">Steps of the stage finished.</param>
/// <param name="Total">Steps in the stage.</param>
public readonly record struct SimulationProgress(SimulationStage Stage, int Done, int Total);
