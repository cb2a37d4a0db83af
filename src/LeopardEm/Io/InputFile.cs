namespace LeopardEm.Io;

/// <summary>The one check every reader makes before opening a file, so a missing file and a folder given as a file get
/// messages that say so (rather than "access denied").</summary>
public static class InputFile
{
    /// <summary>Why <paramref name="path"/> cannot be read as <paramref name="what"/>, or null when it is a file.</summary>
    /// <param name="path">The path, absolute or relative to the current directory.</param>
    /// <param name="what">What the file should hold, for the message ("the micrograph", "MRC file").</param>
    public static string? Problem(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Directory.Exists(path) ? $"{what} '{path}' is a directory, not a file"
            : File.Exists(path) ? null
            : $"{what} '{path}' does not exist";
    }

    /// <summary>Throws unless <paramref name="path"/> is an existing file.</summary>
    /// <exception cref="FileNotFoundException">It is missing or a directory (the message says which).</exception>
    public static void Require(string path, string what)
    {
        if (Problem(path, what) is { } problem)
        {
            throw new FileNotFoundException(char.ToUpperInvariant(problem[0]) + problem[1..] + ".", path);
        }
    }

    /// <summary>The text of <paramref name="path"/> after <see cref="Require"/>.</summary>
    public static string ReadText(string path, string what)
    {
        Require(path, what);
        return File.ReadAllText(path);
    }
}
