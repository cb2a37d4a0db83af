namespace LeopardEm.Particles;

/// <summary>A match_template particle with the value of the picking metric that called it and the cutoff it passed
/// (<see cref="PickedParticleColumns"/> writes them as two extra columns).</summary>
/// <param name="Particle">The particle (Leopard-EM's columns).</param>
/// <param name="MetricValue">The metric's score at the particle: its z-score (z-score and GEV metrics) or s = −ln p
/// (p-value metric), stored as the float32 of the thresholded map.</param>
/// <param name="Cutoff">The threshold on that score the particle passed (strictly greater).</param>
public sealed record PickedParticle(MatchTemplateParticle Particle, float MetricValue, double Cutoff);
