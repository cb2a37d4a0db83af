using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;

namespace LeopardEm.Fft;

/// <summary>
/// The assembly's single <see cref="NativeLibrary.SetDllImportResolver"/> hook. .NET allows only one resolver per
/// assembly, so every native library this assembly imports registers its already-loaded handle here instead of
/// installing its own resolver.
/// </summary>
internal static class NativeLibraryResolver
{
    private static readonly ConcurrentDictionary<string, nint> Handles = new(StringComparer.Ordinal);
    private static readonly Lazy<bool> Installed = new(Install);

    /// <summary>Makes imports of <paramref name="libraryName"/> bind to <paramref name="handle"/>.</summary>
    public static void Register(string libraryName, nint handle)
    {
        Handles[libraryName] = handle;
        _ = Installed.Value;
    }

    private static bool Install()
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
        return true;
    }

    // Returning zero lets the runtime fall back to its default probing.
    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        Handles.TryGetValue(libraryName, out var handle) ? handle : 0;
}
