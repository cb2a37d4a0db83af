namespace LeopardEm.Io;

/// <summary>
/// Writes a file so that readers see either the old contents or the complete new contents, never a partial file:
/// the content goes to a hidden temporary file in the target's directory (<c>.name.tmp-random</c>, same file system,
/// so the final rename is atomic), is flushed to disk, and only then is renamed over the target. If anything fails,
/// the temporary file is deleted and the target is left as it was. Used by every output writer (MRC, CSV, YAML).
/// </summary>
public static class AtomicFileWriter
{
    /// <summary>Writes <paramref name="path"/> through a temporary file.</summary>
    /// <param name="path">The target file. Its directory must exist.</param>
    /// <param name="overwrite">When false, an existing target is an error, raised before anything is written.</param>
    /// <param name="writeContent">Writes the whole content to the stream it is given, starting at position 0; it must
    /// not close the stream. An exception thrown here abandons the write.</param>
    /// <exception cref="IOException">The target exists and <paramref name="overwrite"/> is false, or the file system
    /// failed; the target is unchanged.</exception>
    public static void Write(string path, bool overwrite, Action<Stream> writeContent)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(writeContent);

        var fullPath = Path.GetFullPath(path);
        if (!overwrite && File.Exists(fullPath))
        {
            throw new IOException($"Output file '{fullPath}' already exists and overwriting is disabled.");
        }

        var directory = Path.GetDirectoryName(fullPath) ?? throw new IOException($"'{fullPath}' has no parent directory.");
        var tempPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.tmp-{Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal)}");
        var committed = false;
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }

            // With overwrite false the move itself refuses an existing target, closing the race with a file that
            // appeared after the check above.
            File.Move(tempPath, fullPath, overwrite);
            committed = true;
        }
        finally
        {
            if (!committed)
            {
                DeleteQuietly(tempPath);
            }
        }
    }

    // Runs while another exception propagates; a failure to clean up must not replace the original error.
    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
