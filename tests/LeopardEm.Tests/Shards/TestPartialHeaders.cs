using LeopardEm.Shards;

namespace LeopardEm.Tests.Shards;

/// <summary>Partial-result headers for tests: fixed program version and fingerprints ("s" for the search, "p" for its
/// space), the given range and sizes, the count equal to the range (a finished part).</summary>
internal static class TestPartialHeaders
{
    public static PartialHeader Of(int rangeStart, int rangeCount, int total, int height, int width) => new()
    {
        ProgramVersion = "test",
        SearchFingerprint = "s",
        SearchSpaceFingerprint = "p",
        RangeStart = rangeStart,
        RangeCount = rangeCount,
        Total = total,
        Height = height,
        Width = width,
        Count = rangeCount,
        Sha256 = "",
    };
}
