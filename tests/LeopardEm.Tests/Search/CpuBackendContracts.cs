using LeopardEm.Fft;
using LeopardEm.Search;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Search;

/// <summary>The full-search contract on the CPU backend with FFTW.</summary>
public sealed class CpuFftwCorrelationBackendTests(ITestOutputHelper log) : CorrelationBackendContract(log)
{
    /// <summary>Why FFTW cannot run here, or null.</summary>
    public static string? Unavailable => FftEngines.TryGetFftw(out _) ? null : $"FFTW is unavailable: {FftEngines.FftwUnavailableReason}";

    /// <summary>The FFTW engine (fails the test, naming the reason, where it cannot load).</summary>
    internal static IFftEngine Fftw => FftEngines.TryGetFftw(out var fftw) ? fftw : throw new InvalidOperationException(Unavailable);

    /// <inheritdoc />
    protected override ICorrelationBackend Create() => new CpuCorrelationBackend(Fftw);
}

/// <summary>The full-search contract on the CPU backend with the managed FFT.</summary>
public sealed class CpuManagedCorrelationBackendTests(ITestOutputHelper log) : CorrelationBackendContract(log)
{
    /// <inheritdoc />
    protected override ICorrelationBackend Create() => new CpuCorrelationBackend(FftEngines.Managed);
}

/// <summary>The refine contract on the CPU backend with FFTW.</summary>
public sealed class CpuFftwRefineBackendTests : RefineBackendContract
{
    /// <summary>Why FFTW cannot run here, or null.</summary>
    public static string? Unavailable => CpuFftwCorrelationBackendTests.Unavailable;

    /// <inheritdoc />
    protected override IRefineBackend Create() => new CpuRefineBackend(CpuFftwCorrelationBackendTests.Fftw);
}

/// <summary>The refine contract on the CPU backend with the managed FFT.</summary>
public sealed class CpuManagedRefineBackendTests : RefineBackendContract
{
    /// <inheritdoc />
    protected override IRefineBackend Create() => new CpuRefineBackend(FftEngines.Managed);
}
