namespace LeopardEm.Interop;

/// <summary>
/// A STAR file (RELION particles, micrograph CTFs) or a CTFFIND output file that cannot be read: malformed syntax, a
/// missing block or column, or a value that is not what the column needs. The message names the file and the 1-based
/// line so a user can open the file there and fix it. A <see cref="FormatException"/>, like every text-format error
/// of the library's readers.
/// </summary>
public sealed class StarFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file (or other source name) being read.</param>
    /// <param name="line">1-based line of the offending text; 0 when the problem concerns the whole file (e.g. a
    /// missing block).</param>
    /// <param name="detail">What is wrong, with the text found and what was expected.</param>
    public StarFormatException(string filePath, int line, string detail)
        : base(line > 0 ? $"{filePath}:{line}: {detail}" : $"{filePath}: {detail}")
    {
        FilePath = filePath;
        Line = line;
    }

    /// <summary>The file (or other source name) being read.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the offending text; 0 when the problem concerns the whole file.</summary>
    public int Line { get; }
}
