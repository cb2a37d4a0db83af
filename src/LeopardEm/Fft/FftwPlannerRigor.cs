namespace LeopardEm.Fft;

/// <summary>How hard FFTW searches for a fast algorithm when it plans a new transform shape. Planning happens once
/// per shape per process (and is remembered across runs through wisdom), so slower planning buys faster transforms
/// in long searches.</summary>
public enum FftwPlannerRigor
{
    /// <summary>FFTW_ESTIMATE: no timing, instant planning, usually slower transforms.</summary>
    Estimate,

    /// <summary>FFTW_MEASURE (the default): times a set of algorithms; seconds per large shape.</summary>
    Measure,

    /// <summary>FFTW_PATIENT: times many more algorithms; can take minutes per large shape.</summary>
    Patient,
}

/// <summary>Reads <see cref="FftwPlannerRigor"/> from the <c>LEOPARD_FFTW_PLANNER</c> setting.</summary>
public static class FftwPlannerRigorSetting
{
    /// <summary>The environment variable that selects the planner rigor: estimate, measure or patient.</summary>
    public const string EnvironmentVariable = "LEOPARD_FFTW_PLANNER";

    /// <summary>Parses a setting value; null or blank means <see cref="FftwPlannerRigor.Measure"/>.</summary>
    /// <exception cref="ArgumentException">The value is not estimate, measure or patient.</exception>
    public static FftwPlannerRigor Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "measure" => FftwPlannerRigor.Measure,
        "estimate" => FftwPlannerRigor.Estimate,
        "patient" => FftwPlannerRigor.Patient,
        _ => throw new ArgumentException(
            $"{EnvironmentVariable}='{value}' is not one of estimate, measure, patient.", nameof(value)),
    };

    /// <summary>The rigor selected by the process environment.</summary>
    public static FftwPlannerRigor FromEnvironment() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));

    internal static uint ToFlags(this FftwPlannerRigor rigor) => rigor switch
    {
        FftwPlannerRigor.Estimate => FftwNative.Estimate,
        FftwPlannerRigor.Patient => FftwNative.Patient,
        _ => FftwNative.Measure,
    };
}
