using LeopardEm.Orientations;
using LeopardEm.Search;

namespace LeopardEm.Particles;

/// <summary>
/// The constrained particle B searched next to one reference particle A: where the search started (A's box and
/// orientation, A's defocus minus B's depth, B's statistics maps) and what it found.
/// </summary>
public sealed record ConstrainedParticle
{
    /// <summary>The reference particle A as read from its table.</summary>
    public required StackParticle Reference { get; init; }

    /// <summary>B's starting point: A's position and orientation, defocus <c>A's − <see cref="Depth"/></c> (relative
    /// and absolute), and the mean and standard-deviation maps of B's full search.</summary>
    public required StackParticle Start { get; init; }

    /// <summary>B's depth relative to A along the beam at A's orientation, Å (<see cref="CenterVector.DepthAt"/>).</summary>
    public required double Depth { get; init; }

    /// <summary>The best match: relative orientation (rotated offset), defocus offset, shift, CC and z-score.</summary>
    public required ParticleRefinement Refinement { get; init; }

    /// <summary>The best raw offset, before it was turned about the rotation axis, degrees
    /// (<see cref="ConstrainedOffsets.Raw"/>).</summary>
    public required EulerAngles RawOffset { get; init; }

    /// <summary>The match as a refined particle continuing from <see cref="Start"/>: refined position = A's position (the
    /// one the box was cut at) + shift, relative defocus = A's − depth + offset.</summary>
    public RefinedParticle Found => new() { Source = Start, Refinement = Refinement };
}
