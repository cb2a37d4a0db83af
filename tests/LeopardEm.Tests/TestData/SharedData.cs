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

        if (RepositoryRoot is not { } repository)
        {
            return null;
        }

        var candidate = Path.Combine(Path.GetDirectoryName(repository) ?? repository, "shared");
        return Directory.Exists(Path.Combine(candidate, "spec")) ? candidate : null;
    }

    /// <summary>The checkout the tests were built from (the folder holding LeopardEm.sln), or null.</summary>
    public static string? RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LeopardEm.sln")))
                {
                    return dir.FullName;
                }
            }

            return null;
        }
    }
}
