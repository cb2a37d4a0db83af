using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>
/// Per-thread scratch for the managed engine, so transforms allocate nothing after warm-up and threads never share
/// buffers. Arrays live on the pinned object heap, so their pointers stay valid without <c>fixed</c>. Each slot has
/// one user at a time: a pointer from a slot is valid until the same slot is requested again on the same thread.
/// </summary>
internal static unsafe class ManagedFftScratch
{
    [ThreadStatic]
    private static ComplexF[]? _columns;

    [ThreadStatic]
    private static ComplexF[]? _row;

    [ThreadStatic]
    private static ComplexF[]? _plan;

    /// <summary>A gathered block of image columns.</summary>
    public static ComplexF* Columns(int length) => Get(ref _columns, length);

    /// <summary>A full complex row (odd-length real transforms).</summary>
    public static ComplexF* Row(int length) => Get(ref _row, length);

    /// <summary>The scratch a <see cref="ComplexFftPlan"/> asks for.</summary>
    public static ComplexF* Plan(int length) => Get(ref _plan, length);

    private static ComplexF* Get(ref ComplexF[]? slot, int length)
    {
        if (slot is null || slot.Length < length)
        {
            slot = GC.AllocateUninitializedArray<ComplexF>(Math.Max(length, 64), pinned: true);
        }

        return (ComplexF*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(slot));
    }
}
