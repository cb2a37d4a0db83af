using LeopardEm.Io;
using LeopardEm.Settings;

namespace LeopardEm.Outputs;

/// <summary>
/// Every output of one job, checked together before the job runs and written together after it: one place decides
/// whether a set of paths may be written (no two outputs on one file, no output on an input, nothing replaced unless
/// allowed, no directory in the way, folders creatable and writable) and how they are written (each to a temporary
/// file beside its target, flushed, and only when all are complete renamed into place; a failure removes what this
/// run wrote and names the output, not the temporary file).
/// </summary>
/// <typeparam name="TResult">What the job produces.</typeparam>
public sealed class OutputSet<TResult>
{
    /// <summary>The prefix of this project's temporary output files, so stale ones are recognisable.</summary>
    public const string TemporaryPrefix = ".leopard-tmp-";

    private readonly string _refusal;

    /// <summary>Declares the outputs.</summary>
    /// <param name="writers">The outputs, in the order they are reported and written.</param>
    /// <param name="allowOverwrite">Whether existing files may be replaced.</param>
    /// <param name="refusal">What to tell the user when a file exists and may not be replaced, completing "File 'x'
    /// already exists" (e.g. ", but 'allow_file_overwrite' is False. Set ...").</param>
    public OutputSet(IEnumerable<IOutputWriter<TResult>> writers, bool allowOverwrite, string refusal)
    {
        ArgumentNullException.ThrowIfNull(writers);
        Writers = [.. writers];
        AllowOverwrite = allowOverwrite;
        _refusal = refusal ?? throw new ArgumentNullException(nameof(refusal));
    }

    /// <summary>The outputs.</summary>
    public IReadOnlyList<IOutputWriter<TResult>> Writers { get; }

    /// <summary>Whether existing files may be replaced.</summary>
    public bool AllowOverwrite { get; }

    /// <summary>The absolute paths of the outputs, in order.</summary>
    public IReadOnlyList<string> Paths => [.. Writers.Select(w => w.Target.Path)];

    /// <summary>
    /// Everything that would stop the outputs from being written, found without changing anything (a writability
    /// probe creates and removes one file in an existing folder); an empty list means the set may be written.
    /// </summary>
    /// <param name="inputs">The job's input files (YAML key, path): no output may resolve to one of them.</param>
    public IReadOnlyList<SettingsProblem> Check(IEnumerable<(string Key, string Path)> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = new List<SettingsProblem>();
        var inputFiles = inputs.Where(i => !string.IsNullOrWhiteSpace(i.Path)).Select(i => (i.Key, Path: FilePaths.Canonical(i.Path))).ToList();
        var seen = new Dictionary<string, OutputTarget>(StringComparer.Ordinal);
        foreach (var target in Writers.Select(w => w.Target))
        {
            var canonical = FilePaths.Canonical(target.Path);
            if (inputFiles.FirstOrDefault(i => i.Path == canonical) is { Key: not null } input)
            {
                problems.Add(new SettingsProblem(target.Key,
                    $"{target.Key}: {target.Describe()} is the input {input.Key} of this run; an output may never replace an input."));
            }
            else if (seen.TryGetValue(canonical, out var first))
            {
                problems.Add(new SettingsProblem(target.Key,
                    $"{target.Key}: {target.Describe()} is also the path of {first.Key}; give each output its own file."));
            }
            else if (Directory.Exists(target.Path))
            {
                problems.Add(new SettingsProblem(target.Key, $"{target.Key}: {target.Describe()} is a directory; give a file name."));
            }
            else if (File.Exists(target.Path) && !AllowOverwrite)
            {
                problems.Add(new SettingsProblem(target.Key, $"{target.Key}: File {target.Describe()} already exists{_refusal}"));
            }
            else if (FolderProblem(target) is { } folder)
            {
                problems.Add(new SettingsProblem(target.Key, folder));
            }

            seen.TryAdd(canonical, target);
        }

        return problems;
    }

    /// <summary>Creates the folder of every output (after <see cref="Check"/> found nothing wrong).</summary>
    public void CreateDirectories()
    {
        foreach (var target in Writers.Select(w => w.Target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target.Path)!);
        }
    }

    /// <summary>
    /// Writes every output for <paramref name="result"/>: all to temporary files first, then renamed into place
    /// together; if anything fails, every temporary file is removed and the error names the output.
    /// </summary>
    /// <returns>The paths written, in order.</returns>
    /// <exception cref="IOException">An output could not be written (the message names its key and path).</exception>
    public IReadOnlyList<string> Publish(TResult result)
    {
        var temporaries = new List<(string Temporary, OutputTarget Target)>();
        var published = 0;
        try
        {
            foreach (var writer in Writers)
            {
                var target = writer.Target;
                var temporary = Path.Combine(
                    Path.GetDirectoryName(target.Path)!,
                    $"{TemporaryPrefix}{Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal)}-{Path.GetFileName(target.Path)}");
                temporaries.Add((temporary, target));
                Guard(target, () =>
                {
                    using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                    writer.Write(stream, result);
                    stream.Flush(flushToDisk: true);
                });
            }

            foreach (var (temporary, target) in temporaries)
            {
                Guard(target, () => File.Move(temporary, target.Path, AllowOverwrite));
                published++;
            }
        }
        finally
        {
            foreach (var (temporary, _) in temporaries.Skip(published))
            {
                DeleteQuietly(temporary);
            }
        }

        return Paths;
    }

    private static void Guard(OutputTarget target, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Could not write {target.Key} {target.Describe()}: {ex.Message}", ex);
        }
    }

    // The nearest existing folder on the way to the target must be a folder we can create files in.
    private static string? FolderProblem(OutputTarget target)
    {
        var folder = Path.GetDirectoryName(target.Path);
        while (folder is not null && !Directory.Exists(folder))
        {
            if (File.Exists(folder))
            {
                return $"{target.Key}: {target.Describe()} cannot be created: '{folder}' is a file, not a folder.";
            }

            folder = Path.GetDirectoryName(folder);
        }

        if (folder is null)
        {
            return $"{target.Key}: {target.Describe()} has no existing parent folder.";
        }

        try
        {
            using var probe = new FileStream(
                Path.Combine(folder, $"{TemporaryPrefix}probe-{Path.GetRandomFileName()}"), FileMode.CreateNew, FileAccess.Write,
                FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{target.Key}: {target.Describe()} cannot be written: the folder '{folder}' does not accept new files ({ex.Message}).";
        }
    }

    // Runs while another exception propagates; a failure to clean up must not replace the original error.
    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
