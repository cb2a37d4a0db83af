using System.Runtime.InteropServices;

namespace LeopardEm.Fft;

/// <summary>
/// Loads the single-precision FFTW 3 library once per process, records where it came from (for
/// <see cref="IFftEngine.Location"/> and <c>leopard info</c>) or why it could not be loaded, and points
/// <see cref="FftwNative"/>'s imports at it.
/// </summary>
internal static class FftwLibrary
{
    private static readonly Lazy<LoadResult> Loaded = new(Load);

    /// <summary>Guards every FFTW call that is not thread-safe (planning and wisdom). FFTW's planner state is global
    /// to the process, so this lock is too.</summary>
    public static object PlannerLock { get; } = new();

    /// <summary>True when the library is loaded and exports everything <see cref="FftwNative"/> needs.</summary>
    public static bool IsAvailable => Loaded.Value.Error is null;

    /// <summary>Why the library is unavailable, or null when it is available.</summary>
    public static string? Error => Loaded.Value.Error;

    /// <summary>The file the library was loaded from (or the name it was loaded by, when the path is unknown).</summary>
    public static string Path => Loaded.Value.Path;

    /// <summary>FFTW's own version string, e.g. <c>fftw-3.3.10-sse2-avx</c>, or "unknown".</summary>
    public static string Version => Loaded.Value.Version;

    /// <summary>File names to try, most specific first: distributions without a -dev package have only the
    /// versioned name.</summary>
    internal static IReadOnlyList<string> CandidateNames()
    {
        if (OperatingSystem.IsMacOS())
        {
            return ["libfftw3f.3.dylib", "libfftw3f.dylib"];
        }

        if (OperatingSystem.IsWindows())
        {
            return ["libfftw3f-3.dll", "fftw3f.dll"];
        }

        return ["libfftw3f.so.3", "libfftw3f.so"];
    }

    private static LoadResult Load()
    {
        foreach (var name in CandidateNames())
        {
            if (!NativeLibrary.TryLoad(name, out var handle))
            {
                continue;
            }

            string[] required = ["fftwf_plan_many_dft_r2c", "fftwf_plan_many_dft_c2r", "fftwf_plan_many_dft", "fftwf_execute_dft", "fftwf_plan_dft_r2c_3d",
                "fftwf_plan_dft_c2r_3d", "fftwf_execute_dft_r2c", "fftwf_execute_dft_c2r",
                "fftwf_import_wisdom_from_filename", "fftwf_export_wisdom_to_filename"];
            var missing = required.Where(symbol => !NativeLibrary.TryGetExport(handle, symbol, out _)).ToList();
            if (missing.Count > 0)
            {
                return new LoadResult(name, "unknown", $"{name} lacks {string.Join(", ", missing)}.");
            }

            NativeLibraryResolver.Register(FftwNative.LibraryName, handle);
            var version = NativeLibrary.TryGetExport(handle, "fftwf_version", out var text)
                ? Marshal.PtrToStringUTF8(text) ?? "unknown"
                : "unknown";
            return new LoadResult(FindLoadedPath(name) ?? name, version, null);
        }

        return new LoadResult("", "unknown",
            $"Could not load the single-precision FFTW 3 library (tried {string.Join(", ", CandidateNames())}); "
            + "install it (e.g. Debian/Ubuntu: apt install libfftw3-single3).");
    }

    // The loader does not report the file it picked; on Linux the process's memory map does. Elsewhere the name is
    // good enough.
    private static string? FindLoadedPath(string name)
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
        {
            return null;
        }

        try
        {
            var stem = name.Split(".so")[0] + ".so";
            foreach (var line in File.ReadLines(maps))
            {
                var slash = line.IndexOf('/');
                if (slash >= 0 && System.IO.Path.GetFileName(line[slash..]).StartsWith(stem, StringComparison.Ordinal))
                {
                    return line[slash..].Trim();
                }
            }
        }
        catch (IOException)
        {
            // An unreadable map only costs us the exact path.
        }

        return null;
    }

    private sealed record LoadResult(string Path, string Version, string? Error);
}
