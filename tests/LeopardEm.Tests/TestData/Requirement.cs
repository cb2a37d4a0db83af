namespace LeopardEm.Tests.TestData;

/// <summary>
/// Whether a test whose resource (FFTW, shared data, a peer program) is missing is skipped: locally yes, with the
/// reason; in CI (<c>CI=true</c>) no, because CI installs everything, so a missing resource there must fail the run
/// instead of hiding in the skip count.
/// </summary>
internal static class Requirement
{
    /// <summary>Whether this run is CI (environment variable <c>CI</c> = <c>true</c>).</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The skip reason for a missing resource (<paramref name="missing"/>; null when present), or null in CI so
    /// that the test runs and fails.</summary>
    public static string? SkipReason(string? missing) => InCi ? null : missing;
}
