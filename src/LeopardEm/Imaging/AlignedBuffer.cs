using System.Runtime.InteropServices;

namespace LeopardEm.Imaging;

/// <summary>
/// Unmanaged memory for a fixed number of elements of <typeparamref name="T"/>, aligned to 64 bytes (a cache
/// line and a full AVX-512 register), zero-initialised. FFTW's SIMD plans are created on such buffers, so every buffer
/// used in the hot loop must come from here for FFTW's new-array execute to be valid.
/// </summary>
/// <typeparam name="T">An unmanaged element type (float, <see cref="ComplexF"/>, int, ...).</typeparam>
public sealed unsafe class AlignedBuffer<T> : IDisposable
    where T : unmanaged
{
    /// <summary>The alignment, in bytes, of every buffer.</summary>
    public const int Alignment = 64;

    private void* _pointer;

    /// <summary>Allocates and zeroes a buffer of <paramref name="length"/> elements.</summary>
    /// <param name="length">Number of elements (not bytes); must be non-negative.</param>
    public AlignedBuffer(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        var bytes = (nuint)Math.Max(1, length * sizeof(T));
        _pointer = NativeMemory.AlignedAlloc(bytes, Alignment);
        NativeMemory.Clear(_pointer, bytes);
        GC.AddMemoryPressure((long)bytes);
    }

    /// <summary>Number of elements.</summary>
    public long Length { get; }

    /// <summary>Address of element 0.</summary>
    public T* Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_pointer == null, this);
            return (T*)_pointer;
        }
    }

    /// <summary>The whole buffer as a span (the buffer must hold fewer than 2³¹ elements).</summary>
    public Span<T> Span => new(Pointer, checked((int)Length));

    /// <summary>Sets every element to zero.</summary>
    public void Clear() => NativeMemory.Clear(Pointer, (nuint)(Length * sizeof(T)));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_pointer == null)
        {
            return;
        }

        NativeMemory.AlignedFree(_pointer);
        _pointer = null;
        GC.RemoveMemoryPressure(Math.Max(1, Length * sizeof(T)));
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the memory if the owner forgot to.</summary>
    ~AlignedBuffer()
    {
        if (_pointer != null)
        {
            NativeMemory.AlignedFree(_pointer);
        }
    }
}
