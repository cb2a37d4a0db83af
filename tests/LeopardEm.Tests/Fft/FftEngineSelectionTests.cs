using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using LeopardEm.Fft;

namespace LeopardEm.Tests.Fft;

/// <summary>How <see cref="FftEngines"/> picks an engine, with FFTW's availability injected.</summary>
public class FftEngineSelectionTests
{
    private static readonly IFftEngine FakeFftw = new ManagedFftEngine();

    private static bool Available([NotNullWhen(true)] out IFftEngine? engine)
    {
        engine = FakeFftw;
        return true;
    }

    private static bool Unavailable([NotNullWhen(true)] out IFftEngine? engine)
    {
        engine = null;
        return false;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("auto")]
    [InlineData(" AUTO ")]
    public void AutoPrefersFftwWhenAvailable(string? setting)
    {
        Assert.Same(FakeFftw, FftEngines.Select(setting, Available).Engine);
        var (engine, reason) = FftEngines.Select(setting, Unavailable);
        Assert.Same(FftEngines.Managed, engine);
        Assert.Contains("unavailable", reason);
    }

    [Theory]
    [InlineData("managed")]
    [InlineData("Managed")]
    public void ManagedSettingForcesManaged(string setting)
    {
        var (engine, reason) = FftEngines.Select(setting, Available);
        Assert.Same(FftEngines.Managed, engine);
        Assert.Contains("LEOPARD_FFT=managed", reason);
    }

    [Fact]
    public void FftwSettingUsesFftwOrFailsClearly()
    {
        Assert.Same(FakeFftw, FftEngines.Select("fftw", Available).Engine);
        var error = Assert.Throws<InvalidOperationException>(() => FftEngines.Select("fftw", Unavailable));
        Assert.Contains("LEOPARD_FFT=fftw", error.Message);
    }

    [Fact]
    public void UnknownSettingIsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FftEngines.Select("cufft", Available));
        Assert.Contains("cufft", error.Message);
    }

    [Fact]
    public void DefaultIsFftwWhenTheLibraryLoads()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(FftEngines.EnvironmentVariable)))
        {
            return; // An explicit setting overrides the automatic choice; the injected tests cover that.
        }

        var loads = NativeLibrary.TryLoad("libfftw3f.so.3", out var handle);
        if (loads)
        {
            NativeLibrary.Free(handle);
        }

        Assert.Equal(loads ? "fftw" : "managed", FftEngines.Default.Name);
        Assert.False(string.IsNullOrWhiteSpace(FftEngines.DefaultReason));
    }

    [Theory]
    [InlineData(null, FftwPlannerRigor.Measure)]
    [InlineData("", FftwPlannerRigor.Measure)]
    [InlineData("estimate", FftwPlannerRigor.Estimate)]
    [InlineData("MEASURE", FftwPlannerRigor.Measure)]
    [InlineData(" patient", FftwPlannerRigor.Patient)]
    public void PlannerRigorParses(string? value, FftwPlannerRigor expected) =>
        Assert.Equal(expected, FftwPlannerRigorSetting.Parse(value));

    [Fact]
    public void InvalidPlannerRigorIsRejected() =>
        Assert.Throws<ArgumentException>(() => FftwPlannerRigorSetting.Parse("exhaustive"));
}
