using LeopardEm.Imaging;

namespace LeopardEm.Io;

/// <summary>
/// Reads MRC files (modes 0, 1, 2, 6, 12 in either byte order) into float32 images and volumes. Data are returned
/// exactly as stored, row-major <c>[z, y, x]</c> with x (NX) fastest: no axis reordering, no normalisation, and the
/// extended header is skipped. Every file problem surfaces as <see cref="FileNotFoundException"/> or
/// <see cref="MrcFormatException"/> naming the file.
/// </summary>
public static class MrcReader
{
    /// <summary>Reads and validates the header only, including that the file length matches it.</summary>
    /// <param name="path">The MRC file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MrcFormatException">The header is corrupt or the data block has the wrong length.</exception>
    public static MrcHeader ReadHeader(string path)
    {
        using var stream = Open(path, out var header);
        return header;
    }

    /// <summary>Reads a single 2-D image (NZ = 1): <c>Height</c> = NY rows, <c>Width</c> = NX columns.</summary>
    /// <param name="path">The MRC file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MrcFormatException">The file is corrupt or has more than one section.</exception>
    public static Image2D ReadImage(string path) => ReadImage(path, out _);

    /// <summary>Reads a single 2-D image (NZ = 1) and returns its header.</summary>
    /// <param name="path">The MRC file.</param>
    /// <param name="header">The file's header.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MrcFormatException">The file is corrupt or has more than one section.</exception>
    public static Image2D ReadImage(string path, out MrcHeader header)
    {
        using var stream = Open(path, out header);
        if (header.Nz != 1)
        {
            throw new MrcFormatException(path, "nz",
                $"expected a single 2-D image (nz = 1) but the file holds {header.Nz} sections; read it as a volume or a stack.");
        }

        var image = new Image2D(header.Ny, header.Nx, NewSampleArray(header, path));
        MrcSampleCodec.Read(stream, header.Mode, header.IsBigEndian, image.Data);
        return image;
    }

    /// <summary>Reads all sections as one volume: <c>Depth</c> = NZ, <c>Height</c> = NY, <c>Width</c> = NX. A 2-D
    /// image gives depth 1; an image or volume stack gives all its sections in file order.</summary>
    /// <param name="path">The MRC file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MrcFormatException">The file is corrupt.</exception>
    public static Volume3D ReadVolume(string path) => ReadVolume(path, out _);

    /// <summary>Reads all sections as one volume and returns the header.</summary>
    /// <param name="path">The MRC file.</param>
    /// <param name="header">The file's header.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MrcFormatException">The file is corrupt.</exception>
    public static Volume3D ReadVolume(string path, out MrcHeader header)
    {
        using var stream = Open(path, out header);
        var volume = new Volume3D(header.Nz, header.Ny, header.Nx, NewSampleArray(header, path));
        MrcSampleCodec.Read(stream, header.Mode, header.IsBigEndian, volume.Data);
        return volume;
    }

    /// <summary>Reads each of the NZ sections as its own NY x NX image (an image stack, ISPG 0; any file is
    /// accepted, a single image giving a stack of one).</summary>
    /// <param name="path">The MRC file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MrcFormatException">The file is corrupt.</exception>
    public static Image2D[] ReadStack(string path) => ReadStack(path, out _);

    /// <summary>Reads each section as its own image and returns the header.</summary>
    /// <param name="path">The MRC file.</param>
    /// <param name="header">The file's header.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MrcFormatException">The file is corrupt.</exception>
    public static Image2D[] ReadStack(string path, out MrcHeader header)
    {
        using var stream = Open(path, out header);
        var images = new Image2D[header.Nz];
        for (var z = 0; z < images.Length; z++)
        {
            images[z] = new Image2D(header.Ny, header.Nx, NewSampleArray(header.Ny, header.Nx, 1, path));
            MrcSampleCodec.Read(stream, header.Mode, header.IsBigEndian, images[z].Data);
        }

        return images;
    }

    /// <summary>Opens the file, validates the header against the file length and leaves the stream at the first
    /// voxel.</summary>
    private static FileStream Open(string path, out MrcHeader header)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Checked up front so a missing directory also reports FileNotFoundException rather than
        // DirectoryNotFoundException.
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"MRC file '{path}' does not exist.", path);
        }

        // Unbuffered: the header is one read and the data are read in large chunks straight into their destination.
        InputFile.Require(path, "the MRC file");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        try
        {
            header = ReadAndCheckHeader(stream, path);
            stream.Position = header.DataOffset;
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static MrcHeader ReadAndCheckHeader(FileStream stream, string path)
    {
        var length = stream.Length;
        if (length < MrcHeader.Size)
        {
            throw new MrcFormatException(path, "header",
                $"the file is {length} bytes long, shorter than the {MrcHeader.Size}-byte MRC header.");
        }

        Span<byte> bytes = stackalloc byte[MrcHeader.Size];
        stream.ReadExactly(bytes);
        var header = MrcHeader.Parse(bytes, path);

        var available = length - header.DataOffset;
        if (available < 0)
        {
            throw new MrcFormatException(path, "nsymbt",
                $"the {header.ExtendedHeaderBytes}-byte extended header runs past the end of the {length}-byte file.");
        }

        if (available != header.DataBytes)
        {
            throw new MrcFormatException(path, "data",
                $"expected {header.DataBytes} bytes of data ({header.Nx} x {header.Ny} x {header.Nz} voxels x " +
                $"{header.BytesPerVoxel} bytes for mode {(int)header.Mode}) but the file holds {available} bytes after the " +
                $"{header.DataOffset}-byte header; the file is {(available < header.DataBytes ? "truncated" : "longer than its header says")}.");
        }

        return header;
    }

    private static float[] NewSampleArray(MrcHeader header, string path) =>
        NewSampleArray(header.Ny, header.Nx, header.Nz, path);

    private static float[] NewSampleArray(int ny, int nx, int nz, string path)
    {
        var count = (long)nx * ny * nz;
        if (count > Array.MaxLength)
        {
            throw new MrcFormatException(path, "nx, ny, nz",
                $"{nx} x {ny} x {nz} = {count} voxels exceed the {Array.MaxLength} a single float32 array can hold.");
        }

        // Every element is overwritten by the reader, so zeroing would be wasted work on large maps.
        return GC.AllocateUninitializedArray<float>((int)count);
    }
}
