namespace LeopardEm;

/// <summary>
/// The per-user cache folder of Leopard-EM for .NET: <c>$XDG_CACHE_HOME/leopard-em</c>, or <c>~/.cache/leopard-em</c>
/// when XDG_CACHE_HOME is unset. It holds only things that can be rebuilt (FFTW wisdom), so deleting it is always safe.
/// </summary>
public static class UserCache
{
    /// <summary>The cache folder (not created here), or null when the user has no home directory.</summary>
    public static string? Directory
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrWhiteSpace(cache))
            {
                var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                if (string.IsNullOrEmpty(home))
                {
                    return null;
                }

                cache = Path.Combine(home, ".cache");
            }

            return Path.Combine(cache, "leopard-em");
        }
    }
}
