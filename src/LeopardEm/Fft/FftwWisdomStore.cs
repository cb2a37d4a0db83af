namespace LeopardEm.Fft;

/// <summary>
/// Keeps FFTW's wisdom (the outcome of MEASURE/PATIENT planning) in a per-machine file, so a shape is timed once per
/// machine rather than once per run. Wisdom is an optimisation only: any failure to read or write it is ignored.
/// All methods take <see cref="FftwLibrary.PlannerLock"/>, because FFTW's wisdom is global planner state.
/// </summary>
internal sealed class FftwWisdomStore
{
    /// <summary>Environment variable that overrides the wisdom file path; "none" disables wisdom.</summary>
    public const string EnvironmentVariable = "LEOPARD_FFTW_WISDOM";

    private bool _imported;

    /// <summary>Uses the wisdom file <paramref name="path"/>, or no file at all when it is null.</summary>
    public FftwWisdomStore(string? path) => Path = path;

    /// <summary>The wisdom file, or null when wisdom is disabled.</summary>
    public string? Path { get; }

    /// <summary>The wisdom file for this user and machine: <c>$LEOPARD_FFTW_WISDOM</c> if set ("none" disables),
    /// else <c>fftw-wisdom-&lt;machine&gt;.txt</c> in <see cref="UserCache.Directory"/>. Wisdom is
    /// per machine because the fastest algorithm depends on the CPU.</summary>
    public static string? DefaultPath()
    {
        var overridePath = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            return overridePath.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? null : overridePath;
        }

        var cache = UserCache.Directory;
        if (cache is null)
        {
            return null;
        }

        var machine = string.Concat(Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return System.IO.Path.Combine(cache, $"fftw-wisdom-{machine}.txt");
    }

    /// <summary>Imports the wisdom file the first time it is called; later calls do nothing.</summary>
    /// <returns>True when wisdom was read on this call.</returns>
    public bool ImportOnce()
    {
        lock (FftwLibrary.PlannerLock)
        {
            if (_imported || Path is null || !FftwLibrary.IsAvailable)
            {
                return false;
            }

            _imported = true;
            try
            {
                return File.Exists(Path) && FftwNative.ImportWisdomFromFilename(Path) != 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    /// <summary>Writes all of FFTW's current wisdom to the file, through a temporary file and a rename so that
    /// concurrent processes never read a half-written file.</summary>
    /// <returns>True when the file was written.</returns>
    public bool Export()
    {
        if (Path is null || !FftwLibrary.IsAvailable)
        {
            return false;
        }

        lock (FftwLibrary.PlannerLock)
        {
            var temp = $"{Path}.{Environment.ProcessId}.tmp";
            try
            {
                var directory = System.IO.Path.GetDirectoryName(Path);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                if (FftwNative.ExportWisdomToFilename(temp) == 0)
                {
                    return false;
                }

                File.Move(temp, Path, overwrite: true);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return false;
            }
            finally
            {
                TryDelete(temp);
            }
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stray temporary file is harmless.
        }
    }
}
