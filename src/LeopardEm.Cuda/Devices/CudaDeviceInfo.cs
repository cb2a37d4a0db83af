namespace LeopardEm.Cuda.Devices;

/// <summary>One CUDA device as ILGPU sees it (for <c>leopard info</c>).</summary>
/// <param name="Index">ILGPU's device index (the driver's order), as <see cref="DeviceSession.CreateCuda"/> takes
/// it.</param>
/// <param name="Name">Device name, e.g. "NVIDIA H200".</param>
/// <param name="MemoryBytes">Total device memory, bytes.</param>
/// <param name="ComputeCapability">Compute capability "major.minor", or null when ILGPU does not know the
/// architecture.</param>
/// <param name="Multiprocessors">Streaming multiprocessors.</param>
/// <param name="DriverVersion">CUDA driver API version "major.minor".</param>
/// <param name="PtxInstructionSet">PTX ISA ILGPU compiles for on this device, or null when it cannot compile for
/// it.</param>
public sealed record CudaDeviceInfo(
    int Index, string Name, long MemoryBytes, string? ComputeCapability, int Multiprocessors, string DriverVersion, string? PtxInstructionSet)
{
    /// <summary>True when ILGPU can compile kernels for the device.</summary>
    public bool Supported => ComputeCapability is not null && PtxInstructionSet is not null;
}
