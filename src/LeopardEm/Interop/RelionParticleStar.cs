using LeopardEm.Orientations;

namespace LeopardEm.Interop;

/// <summary>
/// Particle STAR files in RELION 3.1's layout: a <c>data_optics</c> table (one row per optics group) and a
/// <c>data_particles</c> table (one row per particle). Written for RELION to read (<c>relion_reconstruct</c>,
/// <c>relion_refine</c>, <c>relion_star_handler</c>) and read back, whether written here or by RELION. The column
/// mapping is documented on <see cref="ParticleRecord"/> and <see cref="ParticleOptics"/>; the score's meaning is kept
/// in a comment of the particles block (<c># rlnAutopickFigureOfMerit: NAME</c>), which RELION drops when it rewrites
/// a file.
/// </summary>
public static class RelionParticleStar
{
    /// <summary>The STAR format version RELION 3.1 writes before each block.</summary>
    public const string VersionComment = " version 30001";

    private const string FigureOfMeritPrefix = " rlnAutopickFigureOfMerit: ";

    /// <summary>Writes <paramref name="particles"/> to <paramref name="path"/> (atomically).</summary>
    /// <param name="path">Destination; its directory must exist.</param>
    /// <param name="particles">The particles and their optics.</param>
    /// <param name="overwrite">Replace an existing file; when false an existing file is an error.</param>
    /// <exception cref="ArgumentException">The set is inconsistent (see <see cref="ToStar"/>).</exception>
    /// <exception cref="IOException">The target exists and may not be overwritten, or the write failed.</exception>
    public static void Write(string path, ParticleSet particles, bool overwrite) =>
        StarWriter.Write(path, ToStar(particles), overwrite);

    /// <summary>
    /// The STAR document of <paramref name="particles"/>. Particle columns: <c>rlnMicrographName</c>,
    /// <c>rlnCoordinateX/Y</c>, <c>rlnAngleRot/Tilt/Psi</c>, <c>rlnDefocusU/V</c>, <c>rlnDefocusAngle</c>,
    /// <c>rlnPhaseShift</c>, <c>rlnOpticsGroup</c>, then <c>rlnAutopickFigureOfMerit</c> when every particle has a
    /// score and <c>rlnImageName</c> when every particle has an image. The larger defocus is written as
    /// <c>rlnDefocusU</c>, which RELION puts along <c>rlnDefocusAngle</c> (see <see cref="ParticleRecord.DefocusU"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Optics numbers or names repeat, a particle refers to a missing optics group,
    /// only some particles have a score or an image, or a value is not finite.</exception>
    public static StarDocument ToStar(ParticleSet particles)
    {
        ArgumentNullException.ThrowIfNull(particles);
        CheckOptics(particles.Optics);
        var document = new StarDocument();
        var opticsBlock = new StarBlock("optics");
        opticsBlock.AddComment(VersionComment);
        var optics = new StarTable(
        [
            "rlnOpticsGroupName", "rlnOpticsGroup", "rlnVoltage", "rlnSphericalAberration", "rlnAmplitudeContrast",
            "rlnMicrographOriginalPixelSize", "rlnImagePixelSize", "rlnImageSize", "rlnImageDimensionality",
        ]);
        foreach (var group in particles.Optics)
        {
            optics.AddRow(
            [
                group.Name, StarWriter.Number(group.Number), Finite(group.VoltageKv), Finite(group.SphericalAberrationMm),
                Finite(group.AmplitudeContrast), Finite(group.MicrographPixelSize), Finite(group.ImagePixelSize),
                StarWriter.Number(group.ImageSize), "2",
            ]);
        }

        opticsBlock.AddTable(optics);
        document.AddBlock(opticsBlock);

        var list = particles.Particles;
        var withScore = AllOrNone(list, p => p.FigureOfMerit is not null, "a figure of merit");
        var withImage = AllOrNone(list, p => p.ImageName is not null, "an image name");
        List<string> columns =
        [
            "rlnMicrographName", "rlnCoordinateX", "rlnCoordinateY", "rlnAngleRot", "rlnAngleTilt", "rlnAnglePsi",
            "rlnDefocusU", "rlnDefocusV", "rlnDefocusAngle", "rlnPhaseShift", "rlnOpticsGroup",
        ];
        if (withScore)
        {
            columns.Add("rlnAutopickFigureOfMerit");
        }

        if (withImage)
        {
            columns.Add("rlnImageName");
        }

        var table = new StarTable(columns);
        var numbers = particles.Optics.Select(o => o.Number).ToHashSet();
        foreach (var p in list)
        {
            if (!numbers.Contains(p.OpticsGroup))
            {
                throw new ArgumentException($"A particle refers to optics group {p.OpticsGroup}, which the set does not have.", nameof(particles));
            }

            List<string> row =
            [
                p.MicrographPath, Finite(p.X), Finite(p.Y), Finite(p.Orientation.Phi), Finite(p.Orientation.Theta),
                Finite(p.Orientation.Psi), Finite(Math.Max(p.DefocusU, p.DefocusV)), Finite(Math.Min(p.DefocusU, p.DefocusV)),
                Finite(p.AstigmatismAngle),
                Finite(p.PhaseShift), StarWriter.Number(p.OpticsGroup),
            ];
            if (withScore)
            {
                row.Add(Finite(p.FigureOfMerit!.Value));
            }

            if (withImage)
            {
                row.Add(p.ImageName!);
            }

            table.AddRow(row);
        }

        var particleBlock = new StarBlock("particles");
        particleBlock.AddComment(VersionComment);
        if (withScore && particles.FigureOfMeritName is { } name)
        {
            particleBlock.AddComment(FigureOfMeritPrefix + name);
        }

        particleBlock.AddTable(table);
        document.AddBlock(particleBlock);
        return document;
    }

    /// <summary>Reads a RELION 3.1 particle STAR file; see <see cref="FromStar"/>.</summary>
    /// <param name="path">The STAR file.</param>
    /// <param name="micrographDirectory">Where the micrographs are; null to resolve their names against the STAR
    /// file's directory.</param>
    /// <exception cref="StarFormatException">The file is malformed or lacks a required block or column (the message
    /// names the file and line).</exception>
    public static ParticleSet Read(string path, string? micrographDirectory = null)
    {
        var document = StarReader.Read(path);
        return FromStar(document, Path.GetDirectoryName(Path.GetFullPath(path))!, micrographDirectory);
    }

    /// <summary>
    /// The particles of a RELION 3.1 particle STAR document. Required: <c>data_optics</c> with
    /// <c>rlnOpticsGroup</c>, <c>rlnVoltage</c>, <c>rlnSphericalAberration</c>, <c>rlnAmplitudeContrast</c>,
    /// <c>rlnImagePixelSize</c>, <c>rlnImageSize</c>; <c>data_particles</c> with <c>rlnMicrographName</c>,
    /// <c>rlnCoordinateX/Y</c>, <c>rlnAngleRot/Tilt/Psi</c>, <c>rlnDefocusU/V</c>, <c>rlnDefocusAngle</c>, and
    /// <c>rlnOpticsGroup</c> unless there is only one group. Optional: <c>rlnOriginXAngst/YAngst</c> (RELION's
    /// centring shifts: the centre is <c>coordinate − origin / micrograph pixel size</c>, as RELION re-extracts),
    /// <c>rlnPhaseShift</c>, <c>rlnAutopickFigureOfMerit</c>, <c>rlnImageName</c>. Defoci are normalised so that U is
    /// the larger.
    /// </summary>
    /// <param name="document">The parsed file.</param>
    /// <param name="starDirectory">Directory of the STAR file: relative micrograph names are resolved against it.</param>
    /// <param name="micrographDirectory">When set, each micrograph is this directory plus the file name of
    /// <c>rlnMicrographName</c> (RELION names micrographs relative to its project, e.g.
    /// <c>MotionCorr/job002/Movies/x.mrc</c>).</param>
    /// <exception cref="StarFormatException">A block, column or value is missing or malformed.</exception>
    public static ParticleSet FromStar(StarDocument document, string starDirectory, string? micrographDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(starDirectory);
        const string What = "a RELION 3.1 particle STAR file";
        if (!document.TryGetBlock("optics", out var opticsBlock))
        {
            throw new StarFormatException(document.SourceName, 0,
                $"no data_optics block, which {What} needs (RELION 3.0 files can be converted with relion_convert_star)");
        }

        var optics = ReadOptics(opticsBlock.Table(), What);
        var particleBlock = document.Block("particles", What);
        var table = particleBlock.Table();
        table.RequireColumns(What,
            "rlnMicrographName", "rlnCoordinateX", "rlnCoordinateY", "rlnAngleRot", "rlnAngleTilt", "rlnAnglePsi",
            "rlnDefocusU", "rlnDefocusV", "rlnDefocusAngle");
        if (!table.Contains("rlnOpticsGroup") && optics.Count != 1)
        {
            throw new StarFormatException(table.SourceName, table.HeaderLine,
                $"the particles have no _rlnOpticsGroup column but data_optics has {optics.Count} groups");
        }

        var hasOrigin = table.Contains("rlnOriginXAngst") && table.Contains("rlnOriginYAngst");
        var records = new List<ParticleRecord>(table.RowCount);
        for (var row = 0; row < table.RowCount; row++)
        {
            var groupNumber = table.Contains("rlnOpticsGroup") ? table.Integer(row, "rlnOpticsGroup") : optics[0].Number;
            var group = optics.FirstOrDefault(o => o.Number == groupNumber)
                ?? throw new StarFormatException(table.SourceName, table.LineOf(row),
                    $"optics group {groupNumber} is not in data_optics (groups: {string.Join(", ", optics.Select(o => o.Number))})");
            double shiftX = 0, shiftY = 0;
            if (hasOrigin)
            {
                shiftX = table.Number(row, "rlnOriginXAngst") / group.MicrographPixelSize;
                shiftY = table.Number(row, "rlnOriginYAngst") / group.MicrographPixelSize;
            }

            var ctf = CtfEstimate.FromAlongAngle(
                table.Number(row, "rlnDefocusU"), table.Number(row, "rlnDefocusV"), table.Number(row, "rlnDefocusAngle"),
                table.Contains("rlnPhaseShift") ? table.Number(row, "rlnPhaseShift") : 0);
            records.Add(new ParticleRecord
            {
                MicrographPath = ResolveMicrograph(table[row, "rlnMicrographName"], starDirectory, micrographDirectory),
                X = table.Number(row, "rlnCoordinateX") - shiftX,
                Y = table.Number(row, "rlnCoordinateY") - shiftY,
                Orientation = new EulerAngles(
                    table.Number(row, "rlnAngleRot"), table.Number(row, "rlnAngleTilt"), table.Number(row, "rlnAnglePsi")),
                DefocusU = ctf.DefocusU,
                DefocusV = ctf.DefocusV,
                AstigmatismAngle = ctf.AstigmatismAngle,
                PhaseShift = ctf.PhaseShift,
                FigureOfMerit = table.Contains("rlnAutopickFigureOfMerit") ? table.Number(row, "rlnAutopickFigureOfMerit") : null,
                OpticsGroup = groupNumber,
                ImageName = table.Contains("rlnImageName") ? table[row, "rlnImageName"] : null,
            });
        }

        var scoreName = table.Contains("rlnAutopickFigureOfMerit")
            ? particleBlock.Comments.Where(c => c.StartsWith(FigureOfMeritPrefix, StringComparison.Ordinal))
                .Select(c => c[FigureOfMeritPrefix.Length..].Trim()).FirstOrDefault() ?? "rlnAutopickFigureOfMerit"
            : null;
        return new ParticleSet(optics, records, scoreName);
    }

    private static List<ParticleOptics> ReadOptics(StarTable table, string what)
    {
        table.RequireColumns(what,
            "rlnOpticsGroup", "rlnVoltage", "rlnSphericalAberration", "rlnAmplitudeContrast", "rlnImagePixelSize", "rlnImageSize");
        var groups = new List<ParticleOptics>(table.RowCount);
        for (var row = 0; row < table.RowCount; row++)
        {
            var number = table.Integer(row, "rlnOpticsGroup");
            if (groups.Any(g => g.Number == number))
            {
                throw new StarFormatException(table.SourceName, table.LineOf(row), $"optics group {number} appears twice in data_optics");
            }

            var imagePixelSize = table.Number(row, "rlnImagePixelSize");
            var micrographPixelSize = table.Contains("rlnMicrographPixelSize") ? table.Number(row, "rlnMicrographPixelSize")
                : table.Contains("rlnMicrographOriginalPixelSize") ? table.Number(row, "rlnMicrographOriginalPixelSize")
                : imagePixelSize;
            if (!(micrographPixelSize > 0 && imagePixelSize > 0))
            {
                throw new StarFormatException(table.SourceName, table.LineOf(row), $"optics group {number} has a pixel size ≤ 0");
            }

            groups.Add(new ParticleOptics
            {
                Number = number,
                Name = table.Contains("rlnOpticsGroupName") ? table[row, "rlnOpticsGroupName"] : $"opticsGroup{number}",
                VoltageKv = table.Number(row, "rlnVoltage"),
                SphericalAberrationMm = table.Number(row, "rlnSphericalAberration"),
                AmplitudeContrast = table.Number(row, "rlnAmplitudeContrast"),
                MicrographPixelSize = micrographPixelSize,
                ImagePixelSize = imagePixelSize,
                ImageSize = table.Integer(row, "rlnImageSize"),
            });
        }

        if (groups.Count == 0)
        {
            throw new StarFormatException(table.SourceName, table.HeaderLine, "data_optics has no optics group");
        }

        return groups;
    }

    private static string ResolveMicrograph(string name, string starDirectory, string? micrographDirectory)
    {
        if (micrographDirectory is not null)
        {
            return Path.GetFullPath(Path.Combine(micrographDirectory, Path.GetFileName(name)));
        }

        return Path.GetFullPath(Path.IsPathRooted(name) ? name : Path.Combine(starDirectory, name));
    }

    private static void CheckOptics(IReadOnlyList<ParticleOptics> optics)
    {
        if (optics.Count == 0)
        {
            throw new ArgumentException("A particle set needs at least one optics group.", nameof(optics));
        }

        if (optics.Select(o => o.Number).Distinct().Count() != optics.Count || optics.Select(o => o.Name).Distinct().Count() != optics.Count)
        {
            throw new ArgumentException("Optics group numbers and names must be unique.", nameof(optics));
        }

        if (optics.Any(o => o.Number < 1 || o.ImageSize < 1))
        {
            throw new ArgumentException("Optics group numbers and image sizes must be at least 1.", nameof(optics));
        }
    }

    private static bool AllOrNone(IReadOnlyList<ParticleRecord> particles, Func<ParticleRecord, bool> has, string what)
    {
        var count = particles.Count(has);
        if (count != 0 && count != particles.Count)
        {
            throw new ArgumentException($"{count} of {particles.Count} particles have {what}; RELION needs all or none.", nameof(particles));
        }

        return count > 0;
    }

    private static string Finite(double value) =>
        double.IsFinite(value) ? StarWriter.Number(value) : throw new ArgumentException($"STAR values must be finite, got {value}.", nameof(value));
}
