namespace LeopardEm.Tests.TestData;

/// <summary>
/// A fact that needs the shared data folder: it is reported as skipped, with the reason, when
/// <c>shared/</c> (or the named entry inside it) is absent, except in CI (<see cref="Requirement"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Requires <paramref name="relativePath"/> inside shared/.</summary>
    public SharedDataFactAttribute(string relativePath)
    {
        Skip = Requirement.SkipReason(SharedData.Find(relativePath) is null
            ? $"shared/{relativePath} is not available (set LEOPARD_SHARED_DIR or place shared/ beside the checkout)."
            : null);
    }
}
