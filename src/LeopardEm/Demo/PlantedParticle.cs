using LeopardEm.Orientations;

namespace LeopardEm.Demo;

/// <summary>One copy of the template planted in a synthetic micrograph: the truth a search should recover.</summary>
/// <param name="X">Particle centre, column (pixels from the left edge); the template box spans X − N/2 .. X + N/2 − 1.</param>
/// <param name="Y">Particle centre, row (pixels from the top edge).</param>
/// <param name="Orientation">Orientation, ZYZ Euler angles in degrees: the copy is the projection the search would
/// compute for these angles.</param>
/// <param name="RelativeDefocus">Defocus relative to the optics group's mean defocus, Å (positive = more
/// underfocus).</param>
/// <param name="SignalToNoise">Matched-filter signal-to-noise ratio of the copy against the micrograph's noise: the
/// z-score an ideal search with exactly this template (CTF included) would reach.</param>
public sealed record PlantedParticle(int X, int Y, EulerAngles Orientation, double RelativeDefocus, double SignalToNoise);
