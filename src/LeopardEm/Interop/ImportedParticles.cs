using LeopardEm.Particles;

namespace LeopardEm.Interop;

/// <summary>Particles read from another program's file, ready to refine.</summary>
/// <param name="Stack">The particles as a particle table with match_template's columns.</param>
/// <param name="Notes">Besides the stack's own notes, what the reader decided that the user should know (micrographs matched by file name, rounded
/// positions, microscope values that differ).</param>
public sealed record ImportedParticles(ParticleStack Stack, IReadOnlyList<string> Notes);
