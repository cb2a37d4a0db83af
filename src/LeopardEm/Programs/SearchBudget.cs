using LeopardEm.Fft;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Programs;

/// <summary>
/// What a search would cost, estimated from the settings and the image sizes before anything large is allocated, so a
/// too-fine grid or a huge box is refused with the key, the count and the memory it would need, instead of ending in an
/// overflow or out-of-memory error deep inside the run.
/// </summary>
public static class SearchBudget
{
    /// <summary>Most cross-correlations per pixel a search can hold: the best-index map stores int32 indices (as
    /// Leopard-EM's).</summary>
    public const long MaxCorrelationsPerPixel = int.MaxValue;

    /// <summary>Memory this process may use, bytes (physical memory or the container's limit).</summary>
    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Problems with a full search of an H x W micrograph with an N³ template on <paramref name="threads"/>
    /// CPU workers; empty when it fits.</summary>
    public static IReadOnlyList<SettingsProblem> CheckMatchTemplate(
        MatchTemplateSettings settings, int height, int width, int templateSize, int threads, long availableBytes)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var orientations = settings.OrientationSearchConfig.CountOrientations();
        var total = CorrelationsPerPixel(settings);
        var planes = total / Math.Max(1, orientations);
        var key = OrientationSearchConfig.YamlKey;
        if (total > MaxCorrelationsPerPixel)
        {
            return [new SettingsProblem(key,
                $"{key}: {orientations:N0} orientations x {planes} defocus/pixel-size planes = {total:N0} cross-correlations per pixel; " +
                $"a search holds at most {MaxCorrelationsPerPixel:N0} (the best-index map is int32). Use larger psi_step/theta_step, " +
                "fewer defocus planes, or split the orientation ranges over several runs.")];
        }

        var bytes = MatchTemplateMemory(orientations, height, width, templateSize, threads).TotalBytes;
        return bytes > availableBytes ? [MemoryProblem(key, $"a {width} x {height} px search over {orientations:N0} orientations", bytes, availableBytes)] : [];
    }

    /// <summary>Cross-correlations per pixel of a full search: orientations x defocus planes x pixel-size planes.</summary>
    public static long CorrelationsPerPixel(MatchTemplateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.OrientationSearchConfig.CountOrientations()
            * settings.DefocusSearchConfig.GetRelativeDefocusValues().Length * settings.PixelSizeSearchConfig.GetPixelSizeOffsets().Length;
    }

    /// <summary>Problems with local searches in H_b x W_b boxes around an N³ template on <paramref name="threads"/>
    /// workers; empty when they fit.</summary>
    public static IReadOnlyList<SettingsProblem> CheckRefine(int boxHeight, int boxWidth, int templateSize, int threads, long availableBytes)
    {
        // Per worker: the padded template, its spectrum and the correlation map (box sized), the slice and template.
        var perWorker = (long)boxHeight * boxWidth * (4 + 8 + 4) + 16L * templateSize * templateSize;
        var bytes = threads * perWorker + 4L * templateSize * templateSize * templateSize * 3;
        var key = ParticleStackConfig.YamlKey + ".extracted_box_size";
        return bytes > availableBytes ? [MemoryProblem(key, $"{threads} workers on {boxWidth} x {boxHeight} px boxes", bytes, availableBytes)] : [];
    }

    /// <summary>The memory of a full search of an H x W micrograph with an N³ template over
    /// <paramref name="orientations"/> orientations on <paramref name="threads"/> CPU workers: the CPU backend's main
    /// allocations (<see cref="CpuCorrelationWorker"/>, its image columns, <see cref="SearchInputs"/>, the search space).</summary>
    public static SearchMemory MatchTemplateMemory(long orientations, int height, int width, int templateSize, int threads)
    {
        var n = templateSize;
        long frameHeight = FftSize.NextSmoothEven(height), frameComplexWidth = FftSize.NextSmoothEven(width) / 2 + 1;
        var spectrum = frameHeight * frameComplexWidth * 8;
        var group = (long)CpuCorrelationWorker.MaxGroup * spectrum;
        var groupBytes = Math.Min(CpuCorrelationWorker.GroupBudgetBytes, threads * group);
        var region = (long)(height - n + 1) * (width - n + 1);
        var perWorker = region * 24 + (long)n * frameComplexWidth * 24 + frameHeight * CpuCorrelationWorker.ColumnBlock * 8;
        var template = 4L * n * n * n * 3;
        var shared = orientations * 100 + 3 * spectrum + template + (long)height * width * 4 * 2;
        return new SearchMemory(shared, perWorker + Math.Min(group, CpuCorrelationWorker.GroupBudgetBytes), shared + groupBytes + threads * perWorker);
    }

    private static SettingsProblem MemoryProblem(string key, string what, long bytes, long available) => new(key,
        $"{key}: {what} would need about {Gigabytes(bytes)} of memory, but {Gigabytes(available)} is available. " +
        "Use fewer --threads, a smaller box, or a machine with more memory.");

    private static string Gigabytes(long bytes) => FormattableString.Invariant($"{bytes / 1e9:F1} GB");
}
