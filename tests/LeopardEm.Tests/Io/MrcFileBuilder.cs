using System.Buffers.Binary;
using System.Text;

namespace LeopardEm.Tests.Io;

/// <summary>
/// Builds MRC files byte by byte, independently of the library's writer: every header word is placed at its
/// MRC2014 byte offset in the chosen byte order, so reader tests do not depend on the code under test.
/// </summary>
internal sealed class MrcFileBuilder
{
    private readonly byte[] _header = new byte[1024];
    private readonly bool _bigEndian;
    private byte[] _extended = [];
    private byte[] _data = [];

    public MrcFileBuilder(int nx, int ny, int nz, int mode, bool bigEndian = false)
    {
        _bigEndian = bigEndian;
        Int(0, nx).Int(4, ny).Int(8, nz).Int(12, mode);
        Int(28, nx).Int(32, ny).Int(36, nz);
        Float(52, 90).Float(56, 90).Float(60, 90);
        Int(64, 1).Int(68, 2).Int(72, 3);
        Int(108, 20141);
        Encoding.ASCII.GetBytes("MAP ").CopyTo(_header, 208);
        if (bigEndian)
        {
            Stamp(0x11, 0x11, 0x00, 0x00);
        }
        else
        {
            Stamp(0x44, 0x44, 0x00, 0x00);
        }
    }

    public MrcFileBuilder Int(int offset, int value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteInt32BigEndian(_header.AsSpan(offset), value);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(_header.AsSpan(offset), value);
        }

        return this;
    }

    public MrcFileBuilder Float(int offset, float value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteSingleBigEndian(_header.AsSpan(offset), value);
        }
        else
        {
            BinaryPrimitives.WriteSingleLittleEndian(_header.AsSpan(offset), value);
        }

        return this;
    }

    public MrcFileBuilder Stamp(byte b0, byte b1, byte b2, byte b3)
    {
        _header[212] = b0;
        _header[213] = b1;
        _header[214] = b2;
        _header[215] = b3;
        return this;
    }

    public MrcFileBuilder Text(int offset, string text)
    {
        Encoding.ASCII.GetBytes(text).CopyTo(_header, offset);
        return this;
    }

    /// <summary>Adds an extended header of <paramref name="bytes"/> and sets NSYMBT to its length.</summary>
    public MrcFileBuilder Extended(byte[] bytes)
    {
        _extended = bytes;
        return Int(92, bytes.Length);
    }

    public MrcFileBuilder Data(byte[] bytes)
    {
        _data = bytes;
        return this;
    }

    public byte[] ToBytes() => [.. _header, .. _extended, .. _data];

    public string WriteTo(string path)
    {
        System.IO.File.WriteAllBytes(path, ToBytes());
        return path;
    }
}
