using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace LeopardEm.Cuda.Devices;

/// <summary>
/// Launch configurations of the kernels. Element-wise kernels are grid-stride loops launched with about as many
/// threads as the device keeps resident: a GPU then runs one wave of groups, and ILGPU's CPU accelerator, which pays
/// a large cost per simulated thread, runs a handful of threads that each loop over many elements (about 100x faster
/// there than one thread per element). Kernels that reduce within a group use power-of-two groups.
/// </summary>
internal static class LaunchShape
{
    /// <summary>Largest group used; also the size of the kernels' shared-memory reduction buffers.</summary>
    public const int MaxGroupSize = 256;

    /// <summary>Threads per group on <paramref name="accelerator"/>: the largest power of two ≤ 256 it allows.</summary>
    public static int GroupSize(Accelerator accelerator) =>
        1 << BitOperations.Log2((uint)Math.Min(MaxGroupSize, accelerator.MaxNumThreadsPerGroup));

    /// <summary>A grid-stride launch over <paramref name="items"/> elements.</summary>
    public static KernelConfig GridStride(Accelerator accelerator, long items)
    {
        var group = GroupSize(accelerator);
        var resident = Math.Max(1, (long)accelerator.NumMultiprocessors * accelerator.MaxNumThreadsPerMultiprocessor / group);
        var groups = Math.Clamp((items + group - 1) / group, 1, resident);
        return new KernelConfig((int)groups, group);
    }

    /// <summary>One group per work item (a template to normalise), <paramref name="groups"/> groups.</summary>
    public static KernelConfig GroupPerItem(Accelerator accelerator, int groups) => new(groups, GroupSize(accelerator));
}
