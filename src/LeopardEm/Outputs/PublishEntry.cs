namespace LeopardEm.Outputs;

/// <summary>One file of a set being published: its target, the temporary file holding the new content, and where the
/// old file (if any) is set aside until the set is complete. The hidden names carry a run id and the target's name, so
/// files left by a killed run are recognisable.</summary>
/// <param name="Target">The output's path.</param>
/// <param name="Temporary">The new content, beside the target.</param>
/// <param name="Backup">Where the old file is moved while the set is renamed into place.</param>
/// <param name="HadOld">Whether the target existed when the publication started.</param>
internal sealed record PublishEntry(string Target, string Temporary, string Backup, bool HadOld)
{
    public const string TemporaryPrefix = ".leopard-tmp-";
    public const string BackupPrefix = ".leopard-old-";

    public static PublishEntry For(string target, string run)
    {
        var folder = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        return new PublishEntry(
            target, Path.Combine(folder, $"{TemporaryPrefix}{run}-{name}"), Path.Combine(folder, $"{BackupPrefix}{run}-{name}"), File.Exists(target));
    }

    /// <summary>Temporary and set-aside files of any run for <paramref name="target"/>.</summary>
    public static IEnumerable<string> Leftovers(string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        return [.. Directory.EnumerateFiles(folder, TemporaryPrefix + "*-" + name), .. Directory.EnumerateFiles(folder, BackupPrefix + "*-" + name)];
    }
}
