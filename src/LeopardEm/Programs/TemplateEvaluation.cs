namespace LeopardEm.Programs;

/// <summary>One candidate template scored by optimize_template: simulated at <see cref="PixelSize"/> with
/// <see cref="AdditionalBFactor"/>, every particle refined against it (position only), and the mean refined z-score of
/// the particles that count (<see cref="TemplateScore"/>).</summary>
/// <param name="Stage">The pass that evaluated it.</param>
/// <param name="PixelSize">Template voxel size, Å.</param>
/// <param name="AdditionalBFactor">B-factor added to every atom (<c>additional_b_factor</c>), Å².</param>
/// <param name="Score">Mean refined z-score of the particles used; NaN when no particle had a finite z-score.</param>
/// <param name="ParticlesUsed">Number of particles averaged.</param>
/// <param name="Seconds">Wall time of the simulation and refinement, s; 0 when an earlier pass had already scored the
/// same template.</param>
public sealed record TemplateEvaluation(
    OptimizationStage Stage, double PixelSize, double AdditionalBFactor, double Score, int ParticlesUsed, double Seconds);
