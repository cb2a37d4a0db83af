using ILGPU.Runtime.Cuda;

namespace LeopardEm.Cuda.Fft;

/// <summary>Loads cuFFT through ILGPU's wrapper (which tries libcufft.so.12, .11 and .10 in that order) and
/// turns a missing library into one clear message.</summary>
public static class CuFftLibrary
{
    /// <summary>The library file the wrapper looks for first: cuFFT 12, from CUDA 13 (CUDA 12's libcufft.so.11 is
    /// tried next).</summary>
    public const string LibraryName = "libcufft.so.12";

    /// <summary>Loads cuFFT.</summary>
    /// <exception cref="InvalidOperationException">cuFFT is not installed or not on the library path.</exception>
    public static CuFFT Load()
    {
        try
        {
            var cufft = new CuFFT();
            CuFFTException.ThrowIfFailed(cufft.API.GetVersion(out _));
            return cufft;
        }
        catch (DllNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"cuFFT not found ({LibraryName}): install the CUDA toolkit's cuFFT or put its lib folder (e.g. the nvidia-cufft "
                + "wheel's nvidia/cufft/lib) on LD_LIBRARY_PATH.",
                ex);
        }
    }

    /// <summary>The cuFFT version as "major.minor.patch" (cufftGetVersion), or null with <paramref name="error"/>
    /// saying why it is unavailable.</summary>
    public static string? TryGetVersion(out string? error)
    {
        try
        {
            CuFFTException.ThrowIfFailed(Load().API.GetVersion(out var version));
            error = null;
            return FormatVersion(version);
        }
        catch (Exception ex) when (ex is InvalidOperationException or CuFFTException or EntryPointNotFoundException)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>cufftGetVersion's integer (major·1000 + minor·100 + patch) as "major.minor.patch".</summary>
    public static string FormatVersion(int version) => $"{version / 1000}.{version % 1000 / 100}.{version % 100}";
}
