using System.Globalization;
using System.Numerics;
using LeopardEm.Imaging;
using LeopardEm.Io;

namespace LeopardEm.Interop;

/// <summary>
/// Cuts particle boxes out of micrographs the way RELION 3.1's extraction does (verified against
/// <c>relion_preprocess --extract</c>): the box's centre pixel (B/2, B/2) is micrograph pixel
/// (⌊y⌋, ⌊x⌋) of the particle centre, pixels outside the micrograph repeat the nearest edge pixel, the contrast is
/// inverted and the box normalised (<see cref="BackgroundNormalization"/>) as <see cref="ExtractionOptions"/> say.
/// The boxes go to an MRC stack that RELION addresses as <c>000001@stack.mrcs</c>.
/// </summary>
public static class ParticleExtraction
{
    /// <summary>One box around the particle centre (<paramref name="x"/>, <paramref name="y"/>).</summary>
    /// <param name="micrograph">The micrograph.</param>
    /// <param name="x">Centre column, pixels (0-based, as <see cref="ParticleRecord.X"/>).</param>
    /// <param name="y">Centre row, pixels.</param>
    /// <param name="options">Box size and normalisation.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The box does not overlap the micrograph.</exception>
    public static Image2D Extract(Image2D micrograph, double x, double y, ExtractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(micrograph);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var size = options.BoxSize;
        var box = BoxExtraction.Extract(
            micrograph, (int)Math.Floor(y) - size / 2, (int)Math.Floor(x) - size / 2, size, size, PaddingMode.Replicate);
        if (options.InvertContrast)
        {
            for (var i = 0; i < box.Length; i++)
            {
                box[i] = -box[i];
            }
        }

        if (options.Normalize)
        {
            BackgroundNormalization.Apply(box, size, options.EffectiveBackgroundRadius, options.SubtractRamp);
        }

        return new Image2D(size, size, box);
    }

    /// <summary>
    /// Extracts every particle into one MRC stack (in particle order) and returns the particles with
    /// <see cref="ParticleRecord.ImageName"/> set to <c>NNNNNN@<paramref name="stackName"/></c>. Micrographs are loaded
    /// through <paramref name="loadMicrograph"/> once per run of consecutive particles from the same micrograph.
    /// </summary>
    /// <param name="particles">The particles; their <see cref="ParticleRecord.MicrographPath"/> is passed to
    /// <paramref name="loadMicrograph"/>.</param>
    /// <param name="loadMicrograph">Reads a micrograph, e.g. <c>MrcReader.ReadImage</c>.</param>
    /// <param name="options">Box size and normalisation.</param>
    /// <param name="stackPath">The stack file to write (<c>.mrcs</c>); its directory must exist.</param>
    /// <param name="stackName">How the particle STAR file names the stack: the path RELION will open, normally
    /// relative to the directory RELION runs in.</param>
    /// <param name="pixelSize">Pixel size written to the stack header, Å.</param>
    /// <param name="overwrite">Replace an existing stack.</param>
    /// <exception cref="ArgumentException">No particles, or invalid options.</exception>
    /// <exception cref="IOException">The stack exists and may not be overwritten, or the write failed.</exception>
    public static IReadOnlyList<ParticleRecord> ExtractToStack(
        IReadOnlyList<ParticleRecord> particles,
        Func<string, Image2D> loadMicrograph,
        ExtractionOptions options,
        string stackPath,
        string stackName,
        double pixelSize,
        bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(particles);
        ArgumentNullException.ThrowIfNull(loadMicrograph);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(stackName);
        options.ThrowIfInvalid();
        if (particles.Count == 0)
        {
            throw new ArgumentException("There are no particles to extract.", nameof(particles));
        }

        var boxes = new Image2D[particles.Count];
        var named = new ParticleRecord[particles.Count];
        string? loadedPath = null;
        Image2D? micrograph = null;
        for (var i = 0; i < particles.Count; i++)
        {
            var particle = particles[i];
            if (micrograph is null || particle.MicrographPath != loadedPath)
            {
                micrograph = loadMicrograph(particle.MicrographPath);
                loadedPath = particle.MicrographPath;
            }

            boxes[i] = Extract(micrograph, particle.X, particle.Y, options);
            named[i] = particle with { ImageName = ImageName(i, stackName) };
        }

        MrcWriter.WriteStack(stackPath, boxes, overwrite, new MrcWriteOptions { VoxelSize = new Vector3((float)pixelSize) });
        return named;
    }

    /// <summary>RELION's name of image <paramref name="index"/> (0-based) of a stack: <c>NNNNNN@stack</c> with the
    /// 1-based number in six digits.</summary>
    public static string ImageName(int index, string stackName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return (index + 1).ToString("000000", CultureInfo.InvariantCulture) + "@" + stackName;
    }
}
