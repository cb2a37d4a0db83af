using LeopardEm.Orientations;

namespace LeopardEm.Interop;

/// <summary>
/// One particle in a form neutral between Leopard-EM's particle tables and RELION's particle STAR files, in
/// Leopard-EM's conventions (docs/conventions.md, "RELION and CTFFIND"). The RELION mapping, verified against RELION 3.1 by
/// projection and reconstruction, is the identity for the position, the angles, the defocus values and the
/// astigmatism angle; RELION's U is the larger defocus (see <see cref="DefocusU"/>).
/// </summary>
public sealed record ParticleRecord
{
    /// <summary>The micrograph the particle was picked in: as written when exporting, resolved to a path when read
    /// back (see <see cref="RelionParticleStar.Read"/>). RELION <c>rlnMicrographName</c>.</summary>
    public required string MicrographPath { get; init; }

    /// <summary>Particle centre, column: pixels from the left edge of the micrograph, 0-based (Leopard-EM
    /// <c>pos_x_img</c> = template top-left + N/2). RELION <c>rlnCoordinateX</c> is the same number.</summary>
    public required double X { get; init; }

    /// <summary>Particle centre, row: pixels from the top edge, 0-based (<c>pos_y_img</c>; RELION
    /// <c>rlnCoordinateY</c>).</summary>
    public required double Y { get; init; }

    /// <summary>Orientation: ZYZ Euler angles in degrees, <c>R = Rz(phi)·Ry(theta)·Rz(psi)</c>, the template seen
    /// through <c>R</c> (spec §6.1). RELION <c>(rlnAngleRot, rlnAngleTilt, rlnAnglePsi) = (phi, theta,
    /// psi)</c>.</summary>
    public required EulerAngles Orientation { get; init; }

    /// <summary>Absolute defocus, Å, positive underfocus (micrograph <c>defocus_u</c> + the particle's
    /// <c>relative_defocus</c>). As in Leopard-EM, the larger of <see cref="DefocusU"/> and <see cref="DefocusV"/>
    /// lies along <see cref="AstigmatismAngle"/> whichever it is (upstream's CTF uses |U − V|); records read from
    /// RELION have U ≥ V. RELION <c>rlnDefocusU</c>, written as the larger of the two because RELION puts U along
    /// the angle.</summary>
    public required double DefocusU { get; init; }

    /// <summary>The other absolute defocus, Å. RELION <c>rlnDefocusV</c>, written as the smaller.</summary>
    public required double DefocusV { get; init; }

    /// <summary>Direction of the larger defocus, degrees from +x (columns) towards +y (rows). RELION
    /// <c>rlnDefocusAngle</c>, unchanged.</summary>
    public required double AstigmatismAngle { get; init; }

    /// <summary>Additional phase shift (phase plate), degrees. RELION <c>rlnPhaseShift</c>.</summary>
    public double PhaseShift { get; init; }

    /// <summary>Score of the particle (a 2DTM z-score or −ln p), named by <see cref="ParticleSet.FigureOfMeritName"/>;
    /// null when unknown. RELION <c>rlnAutopickFigureOfMerit</c>.</summary>
    public double? FigureOfMerit { get; init; }

    /// <summary>Number of the particle's optics group (<see cref="ParticleOptics.Number"/>). RELION
    /// <c>rlnOpticsGroup</c>.</summary>
    public int OpticsGroup { get; init; } = 1;

    /// <summary>The particle's image in an extracted stack, RELION style <c>000001@path/stack.mrcs</c> (1-based
    /// index); null when the particles were not extracted. RELION <c>rlnImageName</c>.</summary>
    public string? ImageName { get; init; }
}
