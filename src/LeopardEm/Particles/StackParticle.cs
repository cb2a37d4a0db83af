using LeopardEm.Optics;
using LeopardEm.Orientations;

namespace LeopardEm.Particles;

/// <summary>
/// One particle of a <see cref="ParticleStack"/>, read and checked: where refinement starts from (refined values
/// preferred where Leopard-EM prefers them, spec §2.3) and the files it refers to. Positions are whole micrograph
/// pixels: (<see cref="X"/>, <see cref="Y"/>) the template's top-left corner, (<see cref="CentreX"/>,
/// <see cref="CentreY"/>) the particle centre as the table gives it.
/// </summary>
public sealed record StackParticle
{
    /// <summary>Row of the particle in its table (0-based, file order).</summary>
    public required int Row { get; init; }

    /// <summary>Row of the template's top-left corner, pixels.</summary>
    public required int Y { get; init; }

    /// <summary>Column of the template's top-left corner, pixels.</summary>
    public required int X { get; init; }

    /// <summary>Row of the particle centre, pixels (the <c>_img</c> column of the position family in use).</summary>
    public required int CentreY { get; init; }

    /// <summary>Column of the particle centre, pixels.</summary>
    public required int CentreX { get; init; }

    /// <summary>Row of the particle centre, Å.</summary>
    public required double CentreYAngstrom { get; init; }

    /// <summary>Column of the particle centre, Å.</summary>
    public required double CentreXAngstrom { get; init; }

    /// <summary>Orientation, degrees (ZYZ).</summary>
    public required EulerAngles Orientation { get; init; }

    /// <summary>Defocus relative to (defocus_u + defocus_v)/2, Å.</summary>
    public required double RelativeDefocus { get; init; }

    /// <summary>The particle's pixel size, Å (refined or nominal).</summary>
    public required double PixelSize { get; init; }

    /// <summary>The micrograph's nominal pixel size (<c>pixel_size</c>), Å: the frequency grid of CTFs.</summary>
    public required double NominalPixelSize { get; init; }

    /// <summary>The particle's CTF with absolute defocus (defocus_u/v + relative defocus).</summary>
    public required CtfParameters Ctf { get; init; }

    /// <summary>The MIP value of the search that found the particle.</summary>
    public required double Mip { get; init; }

    /// <summary>The z-score of the search that found the particle.</summary>
    public required double ZScore { get; init; }

    /// <summary>The micrograph, as written in the table.</summary>
    public required string MicrographPath { get; init; }

    /// <summary>The full search's mean map, as written in the table.</summary>
    public required string CorrelationAveragePath { get; init; }

    /// <summary>The full search's standard-deviation map (<c>correlation_variance_path</c>), as written.</summary>
    public required string CorrelationStandardDeviationPath { get; init; }

    /// <summary>The row as read, every column by name: carried through unchanged into the tables derived from it
    /// (e.g. the refined table keeps the input's values).</summary>
    public required IReadOnlyDictionary<string, object?> Cells { get; init; }

    /// <summary>Whether the row sets Zernike coefficients or a magnification matrix (which are not applied).</summary>
    public required bool HasAberrations { get; init; }
}
