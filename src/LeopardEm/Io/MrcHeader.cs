using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace LeopardEm.Io;

/// <summary>
/// The fixed 1024-byte MRC2014 header. Data follow the header and <see cref="ExtendedHeaderBytes"/> bytes of extended
/// header, row-major <c>[z, y, x]</c> with x fastest: <see cref="Nx"/> columns, <see cref="Ny"/> rows,
/// <see cref="Nz"/> sections. Like Leopard-EM (mrcfile), this library never reorders axes by
/// <see cref="MapC"/>/<see cref="MapR"/>/<see cref="MapS"/>; lengths are in ångström, angles in degrees.
/// </summary>
public sealed class MrcHeader
{
    /// <summary>Bytes in the fixed header.</summary>
    public const int Size = 1024;

    /// <summary>Maximum number of text labels.</summary>
    public const int MaxLabels = 10;

    /// <summary>Characters in one label.</summary>
    public const int LabelLength = 80;

    /// <summary>The NVERSION of files following MRC2014 (year × 10 + revision).</summary>
    public const int Mrc2014Version = 20141;

    /// <summary>The machine stamp written by this library: bytes <c>44 44 00 00</c> (little-endian).</summary>
    public const uint LittleEndianStamp = 0x4444_0000;

    private const int ModeOffset = 12;
    private const int NsymbtOffset = 92;
    private const int StampOffset = 212;
    private const int NlablOffset = 220;
    private const int LabelsOffset = 224;

    // Headers come only from MrcReader (parsed) and MrcWriter (built from the data), never from callers.
    internal MrcHeader()
    {
    }

    /// <summary>NX: columns, the fastest-varying axis (x).</summary>
    public int Nx { get; internal init; }

    /// <summary>NY: rows (y).</summary>
    public int Ny { get; internal init; }

    /// <summary>NZ: sections (z): 1 for a single image, the depth of a volume, or the number of images in a
    /// stack.</summary>
    public int Nz { get; internal init; }

    /// <summary>MODE: how each voxel is stored in the file.</summary>
    public MrcMode Mode { get; internal init; }

    /// <summary>NXSTART: index of the first column in the unit cell (informational; not used by Leopard-EM).</summary>
    public int NxStart { get; internal init; }

    /// <summary>NYSTART: index of the first row in the unit cell (informational).</summary>
    public int NyStart { get; internal init; }

    /// <summary>NZSTART: index of the first section in the unit cell (informational).</summary>
    public int NzStart { get; internal init; }

    /// <summary>MX: sampling intervals along x in the cell; equals <see cref="Nx"/> for EM data.</summary>
    public int Mx { get; internal init; }

    /// <summary>MY: sampling intervals along y in the cell; equals <see cref="Ny"/> for EM data.</summary>
    public int My { get; internal init; }

    /// <summary>MZ: sampling intervals along z; <see cref="Nz"/> for a volume, 1 for an image or image stack.</summary>
    public int Mz { get; internal init; }

    /// <summary>CELLA: cell dimensions in Å (x, y, z). Zero when the writer did not know the pixel size, as in
    /// every map Leopard-EM writes.</summary>
    public Vector3 CellLengths { get; internal init; }

    /// <summary>CELLB: cell angles in degrees (α, β, γ); 90° for EM data.</summary>
    public Vector3 CellAngles { get; internal init; }

    /// <summary>MAPC: which axis (1 = x, 2 = y, 3 = z) the columns run along; 1 in standard files.</summary>
    public int MapC { get; internal init; }

    /// <summary>MAPR: the axis the rows run along; 2 in standard files.</summary>
    public int MapR { get; internal init; }

    /// <summary>MAPS: the axis the sections run along; 3 in standard files.</summary>
    public int MapS { get; internal init; }

    /// <summary>DMIN: minimum voxel value as recorded by the writer (not recomputed on reading).</summary>
    public float DMin { get; internal init; }

    /// <summary>DMAX: maximum voxel value as recorded by the writer.</summary>
    public float DMax { get; internal init; }

    /// <summary>DMEAN: mean voxel value as recorded by the writer.</summary>
    public float DMean { get; internal init; }

    /// <summary>RMS: population standard deviation of the voxel values (deviation from DMEAN, not the root mean
    /// square of the values) as recorded by the writer.</summary>
    public float Rms { get; internal init; }

    /// <summary>ISPG: space group. 0 = image or image stack (and, in practice, also used for volumes by some
    /// software), 1 = single volume, 401–630 = stack of volumes.</summary>
    public int SpaceGroup { get; internal init; }

    /// <summary>NSYMBT: bytes of extended header between the fixed header and the data.</summary>
    public int ExtendedHeaderBytes { get; internal init; }

    /// <summary>EXTTYP: four-character extended-header type (e.g. "FEI1"), empty when unset.</summary>
    public string ExtendedHeaderType { get; internal init; } = "";

    /// <summary>NVERSION: format version, <see cref="Mrc2014Version"/> for MRC2014 files, 0 in older ones.</summary>
    public int NVersion { get; internal init; }

    /// <summary>ORIGIN: position of the first voxel in Å (x, y, z); ignored by Leopard-EM.</summary>
    public Vector3 Origin { get; internal init; }

    /// <summary>MACHST: the four stamp bytes at offset 212, first byte in the highest 8 bits (so
    /// <c>44 44 00 00</c> reads as 0x44440000). An all-zero stamp, written by pre-2000 software, is accepted and
    /// read as little-endian.</summary>
    public uint MachineStamp { get; internal init; }

    /// <summary>True when the stamp declares big-endian data (<c>11 11</c>).</summary>
    public bool IsBigEndian { get; internal init; }

    /// <summary>The first NLABL labels, trailing spaces and NULs removed.</summary>
    public IReadOnlyList<string> Labels { get; internal init; } = [];

    /// <summary>Voxel size in Å per axis: <see cref="CellLengths"/> divided by (<see cref="Mx"/>, <see cref="My"/>,
    /// <see cref="Mz"/>); 0 on an axis whose sampling interval count is 0.</summary>
    public Vector3 VoxelSize => new(
        Mx == 0 ? 0 : CellLengths.X / Mx,
        My == 0 ? 0 : CellLengths.Y / My,
        Mz == 0 ? 0 : CellLengths.Z / Mz);

    /// <summary>Number of voxels, NX × NY × NZ.</summary>
    public long VoxelCount => (long)Nx * Ny * Nz;

    /// <summary>Bytes one voxel occupies in the file.</summary>
    public int BytesPerVoxel => Mode.BytesPerVoxel();

    /// <summary>Bytes of the data block, <see cref="VoxelCount"/> × <see cref="BytesPerVoxel"/>.</summary>
    public long DataBytes => VoxelCount * BytesPerVoxel;

    /// <summary>Byte offset of the first voxel in the file: the fixed header plus the extended header.</summary>
    public long DataOffset => Size + (long)ExtendedHeaderBytes;

    /// <summary>
    /// Decodes and validates a fixed header. Only fields that decide where and how the data are read are
    /// validated; informational fields are returned as found.
    /// </summary>
    /// <param name="bytes">The first <see cref="Size"/> bytes of the file.</param>
    /// <param name="path">The file, for error messages.</param>
    /// <exception cref="MrcFormatException">Unknown machine stamp or mode, non-positive dimensions, negative NSYMBT,
    /// NLABL outside 0–10, or a data block too large to address.</exception>
    internal static MrcHeader Parse(ReadOnlySpan<byte> bytes, string path)
    {
        var stamp = BinaryPrimitives.ReadUInt32BigEndian(bytes[StampOffset..]);
        var bigEndian = (stamp >> 16) switch
        {
            0x4444 or 0x4441 => false,
            0x1111 => true,
            // Pre-MRC2000 software wrote no stamp; such files come from little-endian machines in practice.
            _ when stamp == 0 => false,
            _ => throw new MrcFormatException(path, "machine stamp (machst)",
                $"unknown stamp {bytes[StampOffset]:X2} {bytes[StampOffset + 1]:X2} {bytes[StampOffset + 2]:X2} {bytes[StampOffset + 3]:X2}; " +
                "expected 44 44 or 44 41 (little-endian) or 11 11 (big-endian)."),
        };

        var nx = ReadInt32(bytes, 0, bigEndian);
        var ny = ReadInt32(bytes, 4, bigEndian);
        var nz = ReadInt32(bytes, 8, bigEndian);
        RequirePositive(nx, "nx", path);
        RequirePositive(ny, "ny", path);
        RequirePositive(nz, "nz", path);

        var mode = (MrcMode)ReadInt32(bytes, ModeOffset, bigEndian);
        if (!mode.IsSupported())
        {
            throw new MrcFormatException(path, "mode",
                $"unsupported mode {(int)mode}; supported modes are 0 (int8), 1 (int16), 2 (float32), 6 (uint16) and 12 (float16).");
        }

        if ((Int128)nx * ny * nz * mode.BytesPerVoxel() > long.MaxValue)
        {
            throw new MrcFormatException(path, "nx, ny, nz", $"a {nx} x {ny} x {nz} data block is too large to address.");
        }

        var nsymbt = ReadInt32(bytes, NsymbtOffset, bigEndian);
        if (nsymbt < 0)
        {
            throw new MrcFormatException(path, "nsymbt", $"extended header size is negative ({nsymbt} bytes).");
        }

        var nlabl = ReadInt32(bytes, NlablOffset, bigEndian);
        if (nlabl is < 0 or > MaxLabels)
        {
            throw new MrcFormatException(path, "nlabl", $"label count {nlabl} is outside 0–{MaxLabels}.");
        }

        var labels = new string[nlabl];
        for (var i = 0; i < nlabl; i++)
        {
            labels[i] = DecodeText(bytes.Slice(LabelsOffset + i * LabelLength, LabelLength));
        }

        return new MrcHeader
        {
            Nx = nx,
            Ny = ny,
            Nz = nz,
            Mode = mode,
            NxStart = ReadInt32(bytes, 16, bigEndian),
            NyStart = ReadInt32(bytes, 20, bigEndian),
            NzStart = ReadInt32(bytes, 24, bigEndian),
            Mx = ReadInt32(bytes, 28, bigEndian),
            My = ReadInt32(bytes, 32, bigEndian),
            Mz = ReadInt32(bytes, 36, bigEndian),
            CellLengths = ReadVector(bytes, 40, bigEndian),
            CellAngles = ReadVector(bytes, 52, bigEndian),
            MapC = ReadInt32(bytes, 64, bigEndian),
            MapR = ReadInt32(bytes, 68, bigEndian),
            MapS = ReadInt32(bytes, 72, bigEndian),
            DMin = ReadSingle(bytes, 76, bigEndian),
            DMax = ReadSingle(bytes, 80, bigEndian),
            DMean = ReadSingle(bytes, 84, bigEndian),
            SpaceGroup = ReadInt32(bytes, 88, bigEndian),
            ExtendedHeaderBytes = nsymbt,
            ExtendedHeaderType = DecodeText(bytes.Slice(104, 4)),
            NVersion = ReadInt32(bytes, 108, bigEndian),
            Origin = ReadVector(bytes, 196, bigEndian),
            MachineStamp = stamp,
            IsBigEndian = bigEndian,
            Rms = ReadSingle(bytes, 216, bigEndian),
            Labels = labels,
        };
    }

    /// <summary>
    /// Encodes this header little-endian with stamp <c>44 44 00 00</c> and "MAP " at offset 208, whatever byte order
    /// it was read in. Labels must already be printable ASCII of at most <see cref="LabelLength"/> characters.
    /// </summary>
    /// <param name="bytes">At least <see cref="Size"/> bytes; the first <see cref="Size"/> are overwritten.</param>
    internal void WriteTo(Span<byte> bytes)
    {
        bytes = bytes[..Size];
        bytes.Clear();
        WriteInt32(bytes, 0, Nx);
        WriteInt32(bytes, 4, Ny);
        WriteInt32(bytes, 8, Nz);
        WriteInt32(bytes, ModeOffset, (int)Mode);
        WriteInt32(bytes, 16, NxStart);
        WriteInt32(bytes, 20, NyStart);
        WriteInt32(bytes, 24, NzStart);
        WriteInt32(bytes, 28, Mx);
        WriteInt32(bytes, 32, My);
        WriteInt32(bytes, 36, Mz);
        WriteVector(bytes, 40, CellLengths);
        WriteVector(bytes, 52, CellAngles);
        WriteInt32(bytes, 64, MapC);
        WriteInt32(bytes, 68, MapR);
        WriteInt32(bytes, 72, MapS);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[76..], DMin);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[80..], DMax);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[84..], DMean);
        WriteInt32(bytes, 88, SpaceGroup);
        WriteInt32(bytes, NsymbtOffset, ExtendedHeaderBytes);
        Encoding.ASCII.GetBytes(ExtendedHeaderType, bytes.Slice(104, 4));
        WriteInt32(bytes, 108, NVersion);
        WriteVector(bytes, 196, Origin);
        "MAP "u8.CopyTo(bytes[208..]);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[StampOffset..], LittleEndianStamp);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[216..], Rms);
        WriteInt32(bytes, NlablOffset, Labels.Count);
        for (var i = 0; i < Labels.Count; i++)
        {
            var label = bytes.Slice(LabelsOffset + i * LabelLength, LabelLength);
            // Space padding is the traditional (Fortran) label convention that other MRC software prints cleanly.
            label.Fill((byte)' ');
            Encoding.ASCII.GetBytes(Labels[i], label);
        }
    }

    private static void RequirePositive(int value, string field, string path)
    {
        if (value <= 0)
        {
            throw new MrcFormatException(path, field, $"dimension must be positive, found {value}.");
        }
    }

    // Latin-1 maps every byte to a character, so a label with stray non-ASCII bytes never makes a file unreadable.
    private static string DecodeText(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes).TrimEnd(' ', '\0');

    private static int ReadInt32(ReadOnlySpan<byte> bytes, int offset, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadInt32BigEndian(bytes[offset..])
        : BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);

    private static float ReadSingle(ReadOnlySpan<byte> bytes, int offset, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadSingleBigEndian(bytes[offset..])
        : BinaryPrimitives.ReadSingleLittleEndian(bytes[offset..]);

    private static Vector3 ReadVector(ReadOnlySpan<byte> bytes, int offset, bool bigEndian) => new(
        ReadSingle(bytes, offset, bigEndian),
        ReadSingle(bytes, offset + 4, bigEndian),
        ReadSingle(bytes, offset + 8, bigEndian));

    private static void WriteInt32(Span<byte> bytes, int offset, int value) =>
        BinaryPrimitives.WriteInt32LittleEndian(bytes[offset..], value);

    private static void WriteVector(Span<byte> bytes, int offset, Vector3 value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(bytes[offset..], value.X);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[(offset + 4)..], value.Y);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[(offset + 8)..], value.Z);
    }
}
