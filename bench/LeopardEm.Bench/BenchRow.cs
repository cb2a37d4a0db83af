namespace LeopardEm.Bench;

/// <summary>One size's measurements.</summary>
/// <param name="Size">Micrograph size, "W²" or "WxH".</param>
/// <param name="Width">Micrograph columns.</param>
/// <param name="Height">Micrograph rows.</param>
/// <param name="Backend">What ran the search: "cpu", or the device backend's name (e.g. "cuda (NVIDIA H200)").</param>
/// <param name="Threads">Worker threads.</param>
/// <param name="Engine">FFT engine of the search and the floor (on a device: its FFT, e.g. cuFFT).</param>
/// <param name="CorrelationsPerSecond">Throughput r of the protocol.</param>
/// <param name="SecondsPerCorrelation">1/r.</param>
/// <param name="FixedCostSeconds">k of the protocol.</param>
/// <param name="FloorSeconds">FFT floor per correlation: on the CPU a pruned padded r2c + full c2r at the micrograph
/// size; on a device a batched r2c + c2r of the search's frame.</param>
/// <param name="FloorForwardSeconds">The floor's r2c.</param>
/// <param name="FloorInverseSeconds">The floor's c2r.</param>
/// <param name="RatioToFloor">Seconds per correlation / floor.</param>
/// <param name="PeakResidentBytes">Peak resident memory of the process during the long run.</param>
/// <param name="AllocatedBytesPerCorrelation">Managed allocation per correlation in the hot loop.</param>
/// <param name="ManagedFloorSeconds">The managed engine's floor, when measured.</param>
/// <param name="ShortRunSeconds">T_n.</param>
/// <param name="LongRunSeconds">T_N.</param>
/// <param name="LoadAverage">Highest 1-minute load average seen while measuring this size (other processes).</param>
/// <param name="CpuSecondsPerCorrelation">Process CPU seconds per correlation (the protocol on CPU time).</param>
/// <param name="FloorCpuSeconds">The floor in process CPU seconds.</param>
internal sealed record BenchRow(
    string Size,
    int Width,
    int Height,
    string Backend,
    int Threads,
    string Engine,
    double CorrelationsPerSecond,
    double SecondsPerCorrelation,
    double FixedCostSeconds,
    double FloorSeconds,
    double FloorForwardSeconds,
    double FloorInverseSeconds,
    double RatioToFloor,
    long PeakResidentBytes,
    double AllocatedBytesPerCorrelation,
    double? ManagedFloorSeconds,
    double ShortRunSeconds,
    double LongRunSeconds,
    double LoadAverage,
    double CpuSecondsPerCorrelation,
    double FloorCpuSeconds)
{
    /// <summary>The managed floor over this engine's floor (meaningful when this engine is FFTW).</summary>
    public double? ManagedToFftwFloor => ManagedFloorSeconds / FloorSeconds;

    /// <summary>CPU seconds per correlation over CPU seconds of the floor: the ratio as other processes on a shared
    /// machine disturb it least.</summary>
    public double? CpuRatioToFloor => FloorCpuSeconds > 0 ? CpuSecondsPerCorrelation / FloorCpuSeconds : null;

    /// <summary>Seconds per correlation per megapixel of the micrograph.</summary>
    public double SecondsPerMegapixel => SecondsPerCorrelation / (Width * (double)Height / 1e6);
}
