using LeopardEm.Search;

namespace LeopardEm.Particles;

/// <summary>A particle after a local refinement: where it started (<see cref="Source"/>) and what the refinement found.
/// Refined positions continue from the positions the refinement started from (refined ones when the input had
/// them).</summary>
public sealed record RefinedParticle
{
    /// <summary>The particle as read from its table.</summary>
    public required StackParticle Source { get; init; }

    /// <summary>What the local search found.</summary>
    public required ParticleRefinement Refinement { get; init; }

    /// <summary>Refined row of the template's top-left corner, pixels.</summary>
    public int Y => Source.Y + Refinement.ShiftY;

    /// <summary>Refined column of the template's top-left corner, pixels.</summary>
    public int X => Source.X + Refinement.ShiftX;

    /// <summary>Refined row of the particle centre, pixels.</summary>
    public int CentreY => Source.CentreY + Refinement.ShiftY;

    /// <summary>Refined column of the particle centre, pixels.</summary>
    public int CentreX => Source.CentreX + Refinement.ShiftX;

    /// <summary>Refined row of the particle centre, Å (the shift in nominal pixels added to the starting value).</summary>
    public double CentreYAngstrom => Refinement.ShiftY * Source.NominalPixelSize + Source.CentreYAngstrom;

    /// <summary>Refined column of the particle centre, Å.</summary>
    public double CentreXAngstrom => Refinement.ShiftX * Source.NominalPixelSize + Source.CentreXAngstrom;

    /// <summary>Refined defocus relative to (defocus_u + defocus_v)/2, Å.</summary>
    public double RelativeDefocus => Refinement.DefocusOffset + Source.RelativeDefocus;

    /// <summary>Refined pixel size, Å.</summary>
    public double PixelSize => Refinement.PixelSizeOffset + Source.PixelSize;
}
