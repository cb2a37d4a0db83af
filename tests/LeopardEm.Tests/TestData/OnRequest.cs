namespace LeopardEm.Tests.TestData;

/// <summary>
/// Tests that are tools run on request (regenerating documentation figures, the measurements quoted in the docs), not
/// checks: they are skipped unless their variable is set, with a reason starting <see cref="Prefix"/>, which
/// <c>.ci/run</c> reports apart from the skips of missing resources (those fail CI).
/// </summary>
internal static class OnRequest
{
    /// <summary>How the skip reason of an on-request test starts.</summary>
    public const string Prefix = "on request:";

    /// <summary>How the skip reason of a test that needs hardware CI machines do not have (a CUDA GPU) starts; like the
    /// on-request ones, <c>.ci/run</c> reports these apart from missing resources.</summary>
    public const string HardwarePrefix = "no hardware:";
}
