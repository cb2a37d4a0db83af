namespace LeopardEm.Slurm;

/// <summary>Quoting for bash: every word in single quotes (a single quote inside as <c>'\''</c>), so paths and
/// arguments reach the program exactly as given, whatever characters they hold.</summary>
public static class ShellWords
{
    /// <summary><paramref name="word"/> as one bash word.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>The words quoted and joined with spaces.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
