using System.Reflection;
using System.Runtime.InteropServices;
using ILGPU;

namespace LeopardEm.Cuda.Devices;

/// <summary>
/// Lets ILGPU find the CUDA driver by its soname. ILGPU imports the driver as "cuda", which .NET probes on Linux as
/// <c>libcuda.so</c>: the unversioned development link, absent from many driver installations and containers that only
/// have <c>libcuda.so.1</c> — ILGPU would then see no device at all.
/// </summary>
internal static class CudaDriverLibrary
{
    private static readonly Lazy<bool> Installed = new(Install);

    /// <summary>Installs the fallback (once per process) before ILGPU first touches the driver.</summary>
    public static void EnsureResolvable() => _ = Installed.Value;

    private static bool Install()
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(Context).Assembly, Resolve);
            return true;
        }
        catch (InvalidOperationException)
        {
            // ILGPU installed a resolver of its own; it then decides how the driver is found.
            return false;
        }
    }

    // Zero lets the runtime probe as usual (every other library, and "cuda" where libcuda.so.1 is missing).
    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == "cuda" && OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libcuda.so.1", out var handle) ? handle : 0;
}
