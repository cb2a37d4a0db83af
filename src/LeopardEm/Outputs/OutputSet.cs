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
public sealed class OutputSet<TResult> : IDisposable
{
    /// <summary>The prefix of this project's temporary output files, so stale ones are recognisable.</summary>
    public const string TemporaryPrefix = PublishEntry.TemporaryPrefix;

    private const string LockPrefix = ".leopard-lock-";

    private readonly string _refusal;
    private readonly Dictionary<string, FileStream> _locks = new(StringComparer.Ordinal);

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
    /// Claims the outputs for a job, before any long work: locks them (<see cref="Lock"/>), repairs what a killed run
    /// left (<see cref="Recover"/>), checks them (<see cref="Check"/>) together with the job's own
    /// <paramref name="problems"/> and, when all is well, creates their folders. On any problem the locks are released
    /// and nothing is created.
    /// </summary>
    /// <param name="inputs">The job's input files (YAML key, path).</param>
    /// <param name="problems">Problems the job found itself (missing inputs), reported together with the outputs'.</param>
    /// <returns>What was repaired, for the user.</returns>
    /// <exception cref="SettingsValidationException">Listing every problem.</exception>
    /// <exception cref="IOException">Another run holds an output.</exception>
    public IReadOnlyList<string> Claim(IEnumerable<(string Key, string Path)> inputs, IEnumerable<SettingsProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            Lock();
            var repaired = Recover();
            SettingsValidationException.ThrowIfAny([.. problems, .. Check(inputs)]);
            CreateDirectories();
            return repaired;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

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

    /// <summary>
    /// Takes this run's lock on every output whose folder exists (a hidden <c>.leopard-lock-NAME</c> file beside it,
    /// held open exclusively until <see cref="Dispose"/>; the operating system releases it if the process dies), so two
    /// runs can never write the same outputs at once. Outputs in folders still to be created are locked by
    /// <see cref="CreateDirectories"/>.
    /// </summary>
    /// <exception cref="IOException">Another run holds an output's lock (the message names the output).</exception>
    public void Lock()
    {
        foreach (var target in Writers.Select(w => w.Target).Where(t => Directory.Exists(Path.GetDirectoryName(t.Path))))
        {
            if (_locks.ContainsKey(target.Path))
            {
                continue;
            }

            var lockPath = Path.Combine(Path.GetDirectoryName(target.Path)!, LockPrefix + Path.GetFileName(target.Path));
            try
            {
                _locks[target.Path] = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex)
            {
                throw new IOException(
                    $"{target.Key}: {target.Describe()} is being written by another leopard run (it holds '{lockPath}'); " +
                    "wait for it to finish or give this run other output paths.", ex);
            }
        }
    }

    /// <summary>Creates the folder of every output (after <see cref="Check"/> found nothing wrong) and locks the outputs
    /// not locked yet.</summary>
    public void CreateDirectories()
    {
        foreach (var target in Writers.Select(w => w.Target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target.Path)!);
        }

        Lock();
    }

    /// <summary>Releases the locks and removes their files.</summary>
    public void Dispose()
    {
        foreach (var (target, stream) in _locks)
        {
            // Deleted while still held, so no other run can take the lock between the release and the deletion.
            DeleteQuietly(stream.Name);
            stream.Dispose();
        }

        _locks.Clear();
    }

    /// <summary>
    /// Writes every output for <paramref name="result"/> as one set: each to a temporary file beside its target (flushed
    /// to disk), then a journal listing them, then each existing target is moved aside and each temporary file renamed
    /// into place, and the journal is deleted (the commit point). If anything fails, what this run wrote is removed and
    /// the old files are put back; after a kill at any moment, <see cref="Recover"/> (run by the next job on these
    /// outputs) completes the same rollback, so the paths hold the complete old set or the complete new one.
    /// </summary>
    /// <returns>The paths written, in order.</returns>
    /// <exception cref="IOException">An output could not be written (the message names its key and path).</exception>
    public IReadOnlyList<string> Publish(TResult result)
    {
        if (Writers.Count == 0)
        {
            return [];
        }

        var run = Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal);
        var entries = Writers.Select(w => PublishEntry.For(w.Target.Path, run)).ToList();
        var journal = OutputJournal.PathFor(Path.GetDirectoryName(entries[0].Target)!, run);
        var committed = false;
        try
        {
            for (var i = 0; i < Writers.Count; i++)
            {
                var (writer, entry) = (Writers[i], entries[i]);
                Guard(writer.Target, () =>
                {
                    using var stream = new FileStream(entry.Temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                    writer.Write(stream, result);
                    stream.Flush(flushToDisk: true);
                });
            }

            OutputJournal.Write(journal, entries);
            for (var i = 0; i < Writers.Count; i++)
            {
                var entry = entries[i];
                Guard(Writers[i].Target, () =>
                {
                    if (entry.HadOld)
                    {
                        File.Move(entry.Target, entry.Backup, overwrite: false);
                    }

                    File.Move(entry.Temporary, entry.Target, overwrite: false);
                });
            }

            File.Delete(journal);
            committed = true;
        }
        finally
        {
            if (!committed)
            {
                OutputJournal.RollBack(entries);
                DeleteQuietly(journal);
            }
        }

        foreach (var entry in entries.Where(e => e.HadOld))
        {
            DeleteQuietly(entry.Backup);
        }

        return Paths;
    }

    /// <summary>
    /// Finishes what an earlier run on these outputs left behind when it was killed: an interrupted publication (a
    /// journal naming one of these outputs) is rolled back, restoring the old files; temporary and set-aside files of
    /// committed or abandoned runs are deleted. Call it before <see cref="Check"/>, while holding the outputs' locks.
    /// </summary>
    /// <returns>What was repaired, for the user (empty when nothing was left behind).</returns>
    public IReadOnlyList<string> Recover()
    {
        var repaired = new List<string>();
        var targets = Writers.Select(w => w.Target.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in targets.Select(t => Path.GetDirectoryName(t)!).Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            foreach (var journal in OutputJournal.Find(folder))
            {
                var entries = OutputJournal.Read(journal);
                if (entries.Any(e => targets.Contains(e.Target)))
                {
                    OutputJournal.RollBack(entries);
                    File.Delete(journal);
                    repaired.Add($"rolled back an interrupted write of {entries.Count} output(s) (journal {journal}); the old files are in place");
                }
            }
        }

        foreach (var target in targets.Where(t => Directory.Exists(Path.GetDirectoryName(t))))
        {
            foreach (var stale in PublishEntry.Leftovers(target))
            {
                DeleteQuietly(stale);
                repaired.Add($"removed {stale}, left by an interrupted run");
            }
        }

        return repaired;
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
    internal static void DeleteQuietly(string path)
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
