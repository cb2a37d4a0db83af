using LeopardEm.Search;

namespace LeopardEm.Demo;

/// <summary>A planted particle found by the coarse search, before and after refine_template.</summary>
/// <param name="Coarse">The planted particle and what the coarse search reported.</param>
/// <param name="Refinement">The refined best match of that particle.</param>
public sealed record RefinedMatch(ParticleMatch Coarse, ParticleRefinement Refinement)
{
    /// <summary>Geodesic angle between the planted and the refined orientation, degrees.</summary>
    public double AngularError =>
        Coarse.Planted.Orientation.ToMatrix().AngleTo(Refinement.Orientation.ToMatrix());

    /// <summary>Refined relative defocus minus the planted one, Å.</summary>
    public double DefocusError => Coarse.Found!.RelativeDefocus + Refinement.DefocusOffset - Coarse.Planted.RelativeDefocus;

    /// <summary>The refined z-score.</summary>
    public double ZScore => Refinement.ZScore;
}
