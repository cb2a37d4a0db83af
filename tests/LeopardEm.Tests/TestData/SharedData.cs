namespace LeopardEm.Tests.TestData;

/// <summary>
/// Locates the team's read-only <c>shared/</c> folder (spec, golden Leopard-EM outputs, atomic models), which sits
/// beside the repository checkout. Tests that need it call <see cref="RequireDirectory"/> and are skipped with a
/// message when it is absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> RootLazy = new(FindRoot);

    /// <summary>The shared folder, or null when it cannot be found.</summary>
    public static string? Root => RootLazy.Value;

    /// <summary>Absolute path of <paramref name="relative"/> inside shared/, or null when shared/ or that entry is
    /// missing.</summary>
    public static string? Find(string relative)
    {
        if (Root is null)
        {
            return null;
        }

        var path = Path.Combine(Root, relative);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("LEOPARD_SHARED_DIR");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return Path.GetFullPath(env);
        }

        if (RepositoryFiles.Root is not { } checkout)
        {
            return null;
        }

        var candidate = Path.Combine(Directory.GetParent(checkout)?.FullName ?? checkout, "shared");
        return Directory.Exists(Path.Combine(candidate, "spec")) ? candidate : null;
    }
}
