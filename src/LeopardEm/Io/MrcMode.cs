namespace LeopardEm.Io;

/// <summary>
/// The MRC data types this library reads (the MODE word, header offset 12). Every mode is converted to float32 on
/// reading; <see cref="MrcWriter"/> writes <see cref="Float32"/> or, on request, <see cref="Float16"/>.
/// </summary>
public enum MrcMode
{
    /// <summary>Mode 0: signed 8-bit integers (MRC2014 and mrcfile read mode 0 as signed).</summary>
    Int8 = 0,

    /// <summary>Mode 1: signed 16-bit integers.</summary>
    Int16 = 1,

    /// <summary>Mode 2: 32-bit IEEE floats, the mode Leopard-EM reads and writes.</summary>
    Float32 = 2,

    /// <summary>Mode 6: unsigned 16-bit integers.</summary>
    UInt16 = 6,

    /// <summary>Mode 12: 16-bit IEEE half-precision floats (MRC2014 extension).</summary>
    Float16 = 12,
}

/// <summary>Properties of <see cref="MrcMode"/> values.</summary>
public static class MrcModeExtensions
{
    /// <summary>True for the modes listed in <see cref="MrcMode"/> (complex and packed modes are not supported).</summary>
    public static bool IsSupported(this MrcMode mode) =>
        mode is MrcMode.Int8 or MrcMode.Int16 or MrcMode.Float32 or MrcMode.UInt16 or MrcMode.Float16;

    /// <summary>Bytes one voxel occupies in the file.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The mode is not supported.</exception>
    public static int BytesPerVoxel(this MrcMode mode) => mode switch
    {
        MrcMode.Int8 => 1,
        MrcMode.Int16 or MrcMode.UInt16 or MrcMode.Float16 => 2,
        MrcMode.Float32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unsupported MRC mode."),
    };
}
