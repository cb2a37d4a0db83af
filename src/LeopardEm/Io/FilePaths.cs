using System.Runtime.InteropServices;

namespace LeopardEm.Io;

/// <summary>Path questions that plain string comparison gets wrong: two names for one file (symbolic links, "..").</summary>
public static partial class FilePaths
{
    /// <summary>
    /// The canonical absolute form of <paramref name="path"/>: every symbolic link and "." / ".." resolved, as
    /// realpath(3) does, for the part of the path that exists; a part that does not exist yet (an output to be
    /// created) is appended unchanged.
    /// </summary>
    public static string Canonical(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var missing = new Stack<string>();
        var existing = full;
        while (!File.Exists(existing) && !Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            missing.Push(Path.GetFileName(existing));
            existing = parent;
        }

        var resolved = RealPath(existing) ?? existing;
        while (missing.Count > 0)
        {
            resolved = Path.Combine(resolved, missing.Pop());
        }

        return resolved;
    }

    /// <summary>Whether the two paths name the same file (after <see cref="Canonical"/>).</summary>
    public static bool SameFile(string a, string b) => string.Equals(Canonical(a), Canonical(b), StringComparison.Ordinal);

    private static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return null;
        }

        var result = realpath(path, IntPtr.Zero);
        if (result == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(result);
        }
        finally
        {
            Marshal.FreeHGlobal(result);
        }
    }

    // glibc mallocs the result when the buffer is null; FreeHGlobal is free() on Unix.
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr realpath(string path, IntPtr resolved);
}
