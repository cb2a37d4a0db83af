namespace LeopardEm.Io;

/// <summary>
/// An MRC file whose header or data block is corrupt, truncated or uses a feature this library does not read. The
/// message names the file and the offending header field so that a user can tell which input is broken and why.
/// Derives from <see cref="IOException"/> so callers can handle every file problem in one place.
/// </summary>
public sealed class MrcFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file being read.</param>
    /// <param name="field">The MRC header field at fault (e.g. "mode", "nx", "nsymbt"), or "header"/"data" for the
    /// block as a whole.</param>
    /// <param name="detail">What is wrong, with the values found and expected.</param>
    public MrcFormatException(string filePath, string field, string detail)
        : base($"Invalid MRC file '{filePath}': {field}: {detail}")
    {
        FilePath = filePath;
        Field = field;
    }

    /// <summary>The file being read.</summary>
    public string FilePath { get; }

    /// <summary>The MRC header field at fault, or "header"/"data" for the block as a whole.</summary>
    public string Field { get; }
}
