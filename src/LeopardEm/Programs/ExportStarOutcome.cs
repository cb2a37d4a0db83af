using LeopardEm.Imaging;
using LeopardEm.Interop;

namespace LeopardEm.Programs;

/// <summary>What an export to RELION wrote.</summary>
/// <param name="Particles">The particles as written to the STAR file (paths relative to its folder).</param>
/// <param name="Boxes">The extracted particle images, in particle order; empty when nothing was extracted.</param>
/// <param name="WrittenFiles">Files written, in order.</param>
public sealed record ExportStarOutcome(ParticleSet Particles, IReadOnlyList<Image2D> Boxes, IReadOnlyList<string> WrittenFiles);
