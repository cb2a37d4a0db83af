using LeopardEm.Compute;

namespace LeopardEm.Cli;

/// <summary>The accelerator backends this build of <c>leopard</c> carries (none yet: the CUDA backend plugs in here).</summary>
internal static class DeviceBackends
{
    /// <summary>The device backend factory, or null when the build has none.</summary>
    public static IDeviceBackendFactory? Factory => null;
}
