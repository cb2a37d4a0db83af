using LeopardEm.Io;
using LeopardEm.Particles;
using LeopardEm.Settings;

namespace LeopardEm.Interop;

/// <summary>
/// A Leopard-EM particle table as the particle STAR file written at a given path: the table's micrograph paths (as
/// written, relative to the directory the table's program ran in) become paths relative to the STAR file's folder,
/// and the particles of an extracted stack are named <c>NNNNNN@stack</c> with the stack relative to that folder too.
/// RELION resolves both against the directory it runs in, so RELION run in the STAR file's folder (or a project
/// folder holding it and the micrographs side by side) finds them; <see cref="RelionParticleStar.Read"/> resolves them
/// against the STAR file's folder, so a file written here reads back to the same micrographs wherever the reader
/// runs.
/// </summary>
public static class ParticleStarExport
{
    /// <summary>The particles of <paramref name="table"/> (match_template's or refine_template's columns) as they are
    /// written to <paramref name="starPath"/>; see <see cref="ParticleStackExport.ToParticleSet"/> for the values.</summary>
    /// <param name="table">The particle table.</param>
    /// <param name="sourceName">The table's name, for messages.</param>
    /// <param name="imageSize">Edge of the particle images, pixels: the extraction box, or the template edge.</param>
    /// <param name="baseDirectory">Directory the table's relative micrograph paths are resolved against.</param>
    /// <param name="starPath">Where the STAR file goes (absolute).</param>
    /// <param name="stackPath">The extracted stack (absolute), or null when nothing is extracted.</param>
    /// <param name="whenEmpty">The optics group written when the table has no particles (RELION needs one); null to
    /// refuse an empty table.</param>
    /// <exception cref="FormatException">A needed cell is missing or not a number, or the table is empty and
    /// <paramref name="whenEmpty"/> is null.</exception>
    public static ParticleSet FromTable(
        ParticleTable table, string sourceName, int imageSize, string baseDirectory, string starPath,
        string? stackPath = null, ParticleOptics? whenEmpty = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var set = ParticleStackExport.ToParticleSet(new ParticleStack(table, sourceName), imageSize);
        if (set.Particles.Count == 0)
        {
            set = set with
            {
                Optics = [whenEmpty ?? throw new FormatException($"{sourceName} has no particles, so there is no optics group to write to a particle STAR file.")],
            };
        }

        return Locate(Resolve(set, baseDirectory), starPath, stackPath);
    }

    /// <summary><paramref name="particles"/> with every relative micrograph path resolved against
    /// <paramref name="baseDirectory"/> (absolute paths, for reading the micrographs).</summary>
    public static ParticleSet Resolve(ParticleSet particles, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(particles);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        return particles with
        {
            Particles = [.. particles.Particles.Select(p => p with { MicrographPath = MatchTemplatePaths.Resolve(p.MicrographPath, baseDirectory) })],
        };
    }

    /// <summary>
    /// <paramref name="particles"/> (with absolute micrograph paths, see <see cref="Resolve"/>) as written to
    /// <paramref name="starPath"/>: micrograph paths relative to its folder and, when <paramref name="stackPath"/> is
    /// given, image <c>i</c> named <c>NNNNNN@stack</c> (1-based, stack relative to the folder).
    /// </summary>
    /// <param name="particles">The particles, micrograph paths absolute.</param>
    /// <param name="starPath">Where the STAR file goes (absolute).</param>
    /// <param name="stackPath">The extracted stack (absolute), or null.</param>
    public static ParticleSet Locate(ParticleSet particles, string starPath, string? stackPath = null)
    {
        ArgumentNullException.ThrowIfNull(particles);
        ArgumentException.ThrowIfNullOrEmpty(starPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(starPath))!;
        var stackName = stackPath is null ? null : Path.GetRelativePath(folder, Path.GetFullPath(stackPath));
        return particles with
        {
            Particles = [.. particles.Particles.Select((p, i) => p with
            {
                MicrographPath = Path.GetRelativePath(folder, p.MicrographPath),
                ImageName = stackName is null ? p.ImageName : ParticleExtraction.ImageName(i, stackName),
            })],
        };
    }

    /// <summary>The optics group of a match_template configuration's <c>optics_group</c> (voltage, Cs, amplitude
    /// contrast, pixel size), numbered 1, with images of <paramref name="imageSize"/> pixels.</summary>
    public static ParticleOptics OpticsOf(OpticsGroup optics, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(optics);
        return new ParticleOptics
        {
            VoltageKv = optics.Voltage,
            SphericalAberrationMm = optics.SphericalAberration,
            AmplitudeContrast = optics.AmplitudeContrastRatio,
            MicrographPixelSize = optics.PixelSize,
            ImagePixelSize = optics.PixelSize,
            ImageSize = imageSize,
        };
    }
}
