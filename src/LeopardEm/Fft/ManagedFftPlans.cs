using System.Collections.Concurrent;

namespace LeopardEm.Fft;

/// <summary>Process-wide caches of the managed engine's plans, one per length. Plans are immutable, so a rare
/// duplicate creation by two racing threads is harmless.</summary>
internal static class ManagedFftPlans
{
    private static readonly ConcurrentDictionary<int, ComplexFftPlan> ComplexPlans = new();
    private static readonly ConcurrentDictionary<int, RealFftPlan> RealPlans = new();

    /// <summary>The complex plan for length <paramref name="length"/>: Stockham when all prime factors are small,
    /// Bluestein otherwise.</summary>
    public static ComplexFftPlan Complex(int length) => ComplexPlans.GetOrAdd(length, static n =>
        StockhamFft.Supports(n) ? new StockhamFft(n) : new BluesteinFft(n));

    /// <summary>The real (r2c/c2r) plan for rows of <paramref name="length"/> samples.</summary>
    public static RealFftPlan Real(int length) => RealPlans.GetOrAdd(length, static n => new RealFftPlan(n));
}
