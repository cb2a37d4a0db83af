using LeopardEm.Search;

namespace LeopardEm.Tests.TestData;

/// <summary>Progress delivered on the reporting thread at once (unlike <see cref="Progress{T}"/>, which posts), so a
/// test can react to a report before the run goes on.</summary>
internal sealed class SynchronousProgress(Action<SearchProgress> report) : IProgress<SearchProgress>
{
    public void Report(SearchProgress value) => report(value);
}
