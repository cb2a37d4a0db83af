using LeopardEm.Fft;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Fft;

/// <summary>A fact that needs the native FFTW library; reported as skipped, with the reason, when it cannot load (except
/// in CI, <see cref="Requirement"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FftwFactAttribute : FactAttribute
{
    /// <summary>Skips the test when FFTW is unavailable.</summary>
    public FftwFactAttribute()
    {
        Skip = Requirement.SkipReason(FftEngines.TryGetFftw(out _) ? null : $"FFTW is unavailable: {FftEngines.FftwUnavailableReason}");
    }
}
