using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace LeopardEm.Cuda.Devices;

/// <summary>What the batch sizing needs to know about device memory: how much is free, and whether a failure was
/// the device running out of it.</summary>
internal static class DeviceMemory
{
    /// <summary>Free memory of <paramref name="accelerator"/>, bytes: the driver's figure on CUDA, the memory
    /// available to this process on the CPU accelerator.</summary>
    public static long Available(Accelerator accelerator) => accelerator is CudaAccelerator cuda
        ? cuda.GetFreeMemory()
        : Math.Min(accelerator.MemorySize, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <summary>True when <paramref name="exception"/> reports an allocation the device could not satisfy (a
    /// buffer, or cuFFT's work area).</summary>
    public static bool IsOutOfMemory(Exception exception) => exception switch
    {
        OutOfMemoryException => true,
        CudaException cuda => cuda.Error == nameof(CudaError.CUDA_ERROR_OUT_OF_MEMORY),
        CuFFTException cufft => cufft.Error == CuFFTResult.CUFFT_ALLOC_FAILED,
        _ => false,
    };
}
