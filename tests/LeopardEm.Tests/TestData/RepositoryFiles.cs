namespace LeopardEm.Tests.TestData;

/// <summary>Files of this repository's checkout (examples, docs), found from the test binaries' folder.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string?> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LeopardEm.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    });

    /// <summary>The checkout's root (the folder holding LeopardEm.sln), or null when the tests run elsewhere.</summary>
    public static string? Root => RootLazy.Value;

    /// <summary>Absolute path of <paramref name="relative"/> in the checkout.</summary>
    /// <exception cref="InvalidOperationException">The checkout cannot be found.</exception>
    public static string Path(string relative) =>
        System.IO.Path.Combine(Root ?? throw new InvalidOperationException("The repository checkout was not found above the test binaries."), relative);
}
