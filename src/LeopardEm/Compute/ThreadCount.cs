namespace LeopardEm.Compute;

/// <summary>The one rule for a requested worker-thread count: a positive number is taken as given, 0 (or less) means
/// one worker per logical processor.</summary>
public static class ThreadCount
{
    /// <summary>The number of worker threads to start for <paramref name="requested"/>.</summary>
    public static int Resolve(int requested) => requested > 0 ? requested : Environment.ProcessorCount;
}
