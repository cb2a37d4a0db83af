namespace LeopardEm.Io;

/// <summary>
/// An atomic model file (PDB or mmCIF) with a record that cannot be read. The message names the file, the 1-based
/// line and what was expected there, so a user can open the file at that line and fix it. Derives from
/// <see cref="IOException"/> so callers can handle every file problem in one place.
/// </summary>
public sealed class AtomicModelFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file (or other source name) being read.</param>
    /// <param name="line">1-based line of the offending record; 0 when the problem concerns the whole file.</param>
    /// <param name="detail">What is wrong, with the text found and what was expected.</param>
    public AtomicModelFormatException(string filePath, int line, string detail)
        : base(line > 0 ? $"{filePath}:{line}: {detail}" : $"{filePath}: {detail}")
    {
        FilePath = filePath;
        Line = line;
    }

    /// <summary>The file (or other source name) being read.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the offending record; 0 when the problem concerns the whole file.</summary>
    public int Line { get; }
}
