using System.Diagnostics.CodeAnalysis;

namespace LeopardEm.Fft;

/// <summary>
/// Chooses the FFT engine. <see cref="Default"/> is FFTW when the native library loads and the managed engine
/// otherwise; the <c>LEOPARD_FFT</c> environment variable (<c>fftw</c>, <c>managed</c> or <c>auto</c>) overrides the
/// choice. <see cref="DefaultReason"/> and <see cref="FftwUnavailableReason"/> explain it (for <c>leopard info</c>).
/// </summary>
public static class FftEngines
{
    /// <summary>The environment variable that forces an engine.</summary>
    public const string EnvironmentVariable = "LEOPARD_FFT";

    private static readonly Lazy<FftwEngine?> Fftw = new(CreateFftw);
    private static readonly Lazy<(IFftEngine Engine, string Reason)> Choice =
        new(() => Select(Environment.GetEnvironmentVariable(EnvironmentVariable), TryGetFftw));

    /// <summary>The process-wide engine: chosen on first use, then fixed.</summary>
    /// <exception cref="InvalidOperationException">LEOPARD_FFT is invalid, or forces FFTW and FFTW is unavailable.</exception>
    public static IFftEngine Default => Choice.Value.Engine;

    /// <summary>One sentence saying which engine <see cref="Default"/> is and why.</summary>
    public static string DefaultReason => Choice.Value.Reason;

    /// <summary>The pure C# engine (always available).</summary>
    public static ManagedFftEngine Managed { get; } = new();

    /// <summary>Why FFTW cannot be used, or null when it can. Loads the library if that has not been tried yet.</summary>
    public static string? FftwUnavailableReason => FftwLibrary.Error;

    /// <summary>The process-wide FFTW engine, when the library loads.</summary>
    /// <param name="engine">The engine, or null when FFTW is unavailable (see <see cref="FftwUnavailableReason"/>).</param>
    /// <returns>True when FFTW is available.</returns>
    /// <exception cref="ArgumentException">LEOPARD_FFTW_PLANNER holds an invalid value.</exception>
    public static bool TryGetFftw([NotNullWhen(true)] out FftwEngine? engine)
    {
        engine = Fftw.Value;
        return engine is not null;
    }

    /// <summary>Picks an engine for a <c>LEOPARD_FFT</c> value without consulting the environment.</summary>
    /// <param name="setting">"fftw", "managed", "auto", or null/blank (auto); case-insensitive.</param>
    /// <exception cref="InvalidOperationException">The setting is invalid, or is "fftw" and FFTW is unavailable.</exception>
    public static IFftEngine Select(string? setting) => Select(setting, TryGetFftw).Engine;

    /// <summary>The selection rule, with FFTW's availability injected (for tests).</summary>
    internal static (IFftEngine Engine, string Reason) Select(string? setting, TryGet tryGetFftw)
    {
        switch (setting?.Trim().ToLowerInvariant())
        {
            case "managed":
                return (Managed, $"managed: forced by {EnvironmentVariable}=managed.");
            case "fftw":
                return tryGetFftw(out var forced)
                    ? (forced, $"fftw: forced by {EnvironmentVariable}=fftw; {forced.Location}.")
                    : throw new InvalidOperationException(
                        $"{EnvironmentVariable}=fftw, but FFTW is unavailable: {FftwUnavailableReason ?? "unknown reason"}");
            case null or "" or "auto":
                return tryGetFftw(out var fftw)
                    ? (fftw, $"fftw: {fftw.Location}.")
                    : (Managed, $"managed: FFTW is unavailable: {FftwUnavailableReason ?? "unknown reason"}");
            default:
                throw new InvalidOperationException($"{EnvironmentVariable}='{setting}' is not one of fftw, managed, auto.");
        }
    }

    /// <summary>Shape of <see cref="TryGetFftw(out FftwEngine?)"/>, so tests can inject availability.</summary>
    internal delegate bool TryGet([NotNullWhen(true)] out IFftEngine? engine);

    private static bool TryGetFftw([NotNullWhen(true)] out IFftEngine? engine)
    {
        engine = Fftw.Value;
        return engine is not null;
    }

    private static FftwEngine? CreateFftw() => FftwLibrary.IsAvailable
        ? new FftwEngine(FftwPlannerRigorSetting.FromEnvironment(), new FftwWisdomStore(FftwWisdomStore.DefaultPath()))
        : null;
}
