using System.Text.Json;

namespace LeopardEm.Outputs;

/// <summary>
/// The record of a publication in progress (<see cref="OutputSet{TResult}.Publish"/>): written, flushed, before the
/// first target is touched and deleted once the last is in place. While it exists the set may be half old, half new;
/// <see cref="RollBack"/> undoes it file by file from what is on disk, so it is safe to repeat after a crash at any
/// point, including in the middle of a rollback.
/// </summary>
internal static class OutputJournal
{
    private const string Prefix = ".leopard-publish-";
    private const string Extension = ".journal";

    public static string PathFor(string folder, string run) => Path.Combine(folder, $"{Prefix}{run}{Extension}");

    public static IEnumerable<string> Find(string folder) => Directory.EnumerateFiles(folder, Prefix + "*" + Extension);

    public static void Write(string path, IReadOnlyList<PublishEntry> entries)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        JsonSerializer.Serialize(stream, entries);
        stream.Flush(flushToDisk: true);
    }

    public static IReadOnlyList<PublishEntry> Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<List<PublishEntry>>(File.ReadAllText(path)) ?? [];
        }
        catch (JsonException)
        {
            // A journal torn by the crash it records was written before any target was touched: nothing to undo.
            return [];
        }
    }

    /// <summary>Puts every target back as it was before the publication: the set-aside old file where there was one,
    /// no file where there was none; removes the temporary files.</summary>
    public static void RollBack(IReadOnlyList<PublishEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (File.Exists(entry.Backup))
            {
                File.Move(entry.Backup, entry.Target, overwrite: true);
            }
            else if (!entry.HadOld && !File.Exists(entry.Temporary) && File.Exists(entry.Target))
            {
                // The temporary file was renamed to a target that did not exist before: this run's file.
                File.Delete(entry.Target);
            }

            OutputSet<object>.DeleteQuietly(entry.Temporary);
        }
    }
}
