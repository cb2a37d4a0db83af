using System.Globalization;
using System.Numerics;
using System.Reflection;
using LeopardEm.Imaging;

namespace LeopardEm.Io;

/// <summary>
/// Writes float32 (or float16) MRC2014 files with a complete little-endian header, like mrcfile does for Leopard-EM:
/// MX/MY/MZ = dimensions, CELLA = dimensions × voxel size, CELLB 90°, MAPC/MAPR/MAPS 1/2/3, DMIN/DMAX/DMEAN/RMS
/// of the stored values (RMS = population standard deviation), NSYMBT 0, NVERSION 20141, "MAP ", stamp
/// <c>44 44 00 00</c>, and a creator label followed by the caller's labels. Files are written through
/// <see cref="AtomicFileWriter"/>, so a failed write never leaves a partial file.
/// </summary>
public static class MrcWriter
{
    /// <summary>The text every file's first label starts with, followed by the library version and UTC time.</summary>
    public const string CreatorLabelPrefix = "Created by Leopard-EM for .NET";

    private const int ImageSpaceGroup = 0;
    private const int VolumeSpaceGroup = 1;

    /// <summary>Writes a 2-D image: NX = width, NY = height, NZ = MZ = 1, ISPG 0.</summary>
    /// <param name="path">The target file; its directory must exist.</param>
    /// <param name="image">The image; row y of the image is row y of the file.</param>
    /// <param name="overwrite">When false, an existing target is an <see cref="IOException"/> raised before anything
    /// is written.</param>
    /// <param name="options">Voxel size, origin, labels and mode; <see cref="MrcWriteOptions.Default"/> if null.</param>
    /// <exception cref="ArgumentException">The options are invalid (mode, voxel size, origin or labels).</exception>
    /// <exception cref="IOException">The target exists and may not be overwritten, or the write failed.</exception>
    public static void Write(string path, Image2D image, bool overwrite, MrcWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        Write(path, image.Data, image.Width, image.Height, 1, 1, ImageSpaceGroup, overwrite, options ?? MrcWriteOptions.Default);
    }

    /// <summary>Writes an image stack (a RELION <c>.mrcs</c>): NX = width, NY = height, NZ = number of images, MZ = 1,
    /// ISPG 0, as RELION writes its particle stacks. CELLA z is the voxel size (one section).</summary>
    /// <param name="path">The target file; its directory must exist.</param>
    /// <param name="images">The images, all of the same size; image i is section i (RELION's image i + 1).</param>
    /// <param name="overwrite">When false, an existing target is an <see cref="IOException"/> raised before anything
    /// is written.</param>
    /// <param name="options">Voxel size, origin, labels and mode; <see cref="MrcWriteOptions.Default"/> if null.</param>
    /// <exception cref="ArgumentException">The stack is empty, the images differ in size, or the options are
    /// invalid.</exception>
    /// <exception cref="IOException">The target exists and may not be overwritten, or the write failed.</exception>
    public static void WriteStack(string path, IReadOnlyList<Image2D> images, bool overwrite, MrcWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            throw new ArgumentException("An image stack needs at least one image.", nameof(images));
        }

        int width = images[0].Width, height = images[0].Height;
        if (images.Any(i => i.Width != width || i.Height != height))
        {
            throw new ArgumentException($"Every image of a stack must be {width} x {height}.", nameof(images));
        }

        var samples = new float[checked(width * height * images.Count)];
        for (var i = 0; i < images.Count; i++)
        {
            images[i].Data.CopyTo(samples, i * width * height);
        }

        Write(path, samples, width, height, images.Count, 1, ImageSpaceGroup, overwrite, options ?? MrcWriteOptions.Default);
    }

    /// <summary>Writes a volume: NX = width, NY = height, NZ = MZ = depth, ISPG 1.</summary>
    /// <param name="path">The target file; its directory must exist.</param>
    /// <param name="volume">The volume, stored section by section.</param>
    /// <param name="overwrite">When false, an existing target is an <see cref="IOException"/> raised before anything
    /// is written.</param>
    /// <param name="options">Voxel size, origin, labels and mode; <see cref="MrcWriteOptions.Default"/> if null.</param>
    /// <exception cref="ArgumentException">The options are invalid (mode, voxel size, origin or labels).</exception>
    /// <exception cref="IOException">The target exists and may not be overwritten, or the write failed.</exception>
    public static void Write(string path, Volume3D volume, bool overwrite, MrcWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(volume);
        Write(path, volume.Data, volume.Width, volume.Height, volume.Depth, volume.Depth, VolumeSpaceGroup, overwrite, options ?? MrcWriteOptions.Default);
    }

    /// <summary>Writes a 2-D image as a complete MRC file to <paramref name="stream"/> (from its current position), for
    /// writers that manage the file themselves (e.g. a set of outputs published together).</summary>
    /// <param name="stream">Where the file's bytes go; not closed.</param>
    /// <param name="image">The image; row y of the image is row y of the file.</param>
    /// <param name="options">Voxel size, origin, labels and mode; <see cref="MrcWriteOptions.Default"/> if null.</param>
    public static void WriteTo(Stream stream, Image2D image, MrcWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(image);
        Encode(image.Data, image.Width, image.Height, 1, 1, ImageSpaceGroup, options ?? MrcWriteOptions.Default)(stream);
    }

    /// <summary>Writes a volume as a complete MRC file to <paramref name="stream"/> (see
    /// <see cref="WriteTo(Stream, Image2D, MrcWriteOptions?)"/>).</summary>
    /// <param name="stream">Where the file's bytes go; not closed.</param>
    /// <param name="volume">The volume, stored section by section.</param>
    /// <param name="options">Voxel size, origin, labels and mode; <see cref="MrcWriteOptions.Default"/> if null.</param>
    public static void WriteTo(Stream stream, Volume3D volume, MrcWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(volume);
        Encode(volume.Data, volume.Width, volume.Height, volume.Depth, volume.Depth, VolumeSpaceGroup, options ?? MrcWriteOptions.Default)(stream);
    }

    private static void Write(string path, float[] samples, int nx, int ny, int nz, int mz, int spaceGroup, bool overwrite, MrcWriteOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFileWriter.Write(path, overwrite, Encode(samples, nx, ny, nz, mz, spaceGroup, options));
    }

    // Checks the options and prepares the header; the returned action writes header and samples. An image stack has
    // MZ = 1 (one section per image); single images and volumes MZ = NZ.
    private static Action<Stream> Encode(float[] samples, int nx, int ny, int nz, int mz, int spaceGroup, MrcWriteOptions options)
    {
        var labels = BuildLabels(options);
        if (options.Mode is not (MrcMode.Float32 or MrcMode.Float16))
        {
            throw new ArgumentException($"MRC files are written as float32 or float16, not {options.Mode}.", nameof(options));
        }

        var voxel = options.VoxelSize;
        if (!(voxel.X >= 0 && voxel.Y >= 0 && voxel.Z >= 0 && float.IsFinite(voxel.X) && float.IsFinite(voxel.Y) && float.IsFinite(voxel.Z)))
        {
            throw new ArgumentException($"Voxel size must be finite and non-negative, got {voxel}.", nameof(options));
        }

        if (!(float.IsFinite(options.Origin.X) && float.IsFinite(options.Origin.Y) && float.IsFinite(options.Origin.Z)))
        {
            throw new ArgumentException($"Origin must be finite, got {options.Origin}.", nameof(options));
        }

        var statistics = MrcStatistics.Compute(samples, options.Mode);
        var header = new MrcHeader
        {
            Nx = nx,
            Ny = ny,
            Nz = nz,
            Mode = options.Mode,
            Mx = nx,
            My = ny,
            Mz = mz,
            CellLengths = new Vector3(nx, ny, mz) * voxel,
            CellAngles = new Vector3(90f),
            MapC = 1,
            MapR = 2,
            MapS = 3,
            DMin = statistics.Min,
            DMax = statistics.Max,
            DMean = statistics.Mean,
            Rms = statistics.Rms,
            SpaceGroup = spaceGroup,
            NVersion = MrcHeader.Mrc2014Version,
            Origin = options.Origin,
            MachineStamp = MrcHeader.LittleEndianStamp,
            Labels = labels,
        };

        var headerBytes = new byte[MrcHeader.Size];
        header.WriteTo(headerBytes);
        return stream =>
        {
            stream.Write(headerBytes);
            MrcSampleCodec.Write(stream, options.Mode, samples);
        };
    }

    private static string[] BuildLabels(MrcWriteOptions options)
    {
        var callerLabels = options.Labels ?? throw new ArgumentException("Labels must not be null.", nameof(options));
        if (callerLabels.Count > MrcHeader.MaxLabels - 1)
        {
            throw new ArgumentException(
                $"At most {MrcHeader.MaxLabels - 1} labels can be added (the first of {MrcHeader.MaxLabels} is the creator label), got {callerLabels.Count}.",
                nameof(options));
        }

        var labels = new string[callerLabels.Count + 1];
        labels[0] = CreatorLabel();
        for (var i = 0; i < callerLabels.Count; i++)
        {
            var label = callerLabels[i] ?? throw new ArgumentException($"Label {i} is null.", nameof(options));
            if (label.Length > MrcHeader.LabelLength || label.Any(c => c is < ' ' or > '~'))
            {
                throw new ArgumentException(
                    $"Label {i} must be at most {MrcHeader.LabelLength} printable ASCII characters: \"{label}\".", nameof(options));
            }

            labels[i + 1] = label;
        }

        return labels;
    }

    private static string CreatorLabel()
    {
        var version = typeof(MrcWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        // The build appends "+<commit>" to the informational version; the label has room for the release only.
        version = version.Split('+')[0];
        var timestamp = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var label = $"{CreatorLabelPrefix} {version} {timestamp} UTC";
        return label.Length <= MrcHeader.LabelLength ? label : label[..MrcHeader.LabelLength];
    }
}
