using LeopardEm.Fft;

namespace LeopardEm.Tests.Fft;

/// <summary>A fact that needs the native FFTW library; reported as skipped, with the reason, when it cannot load.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FftwFactAttribute : FactAttribute
{
    /// <summary>Skips the test when FFTW is unavailable.</summary>
    public FftwFactAttribute()
    {
        if (!FftEngines.TryGetFftw(out _))
        {
            Skip = $"FFTW is unavailable: {FftEngines.FftwUnavailableReason}";
        }
    }
}
