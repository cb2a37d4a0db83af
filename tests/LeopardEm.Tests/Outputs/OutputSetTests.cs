using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Outputs;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Outputs;

/// <summary>One place decides whether a set of outputs may be written and writes them all or none.</summary>
public sealed class OutputSetTests : IDisposable
{
    private const string Refusal = ", but overwriting is not allowed.";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_fresh_set_passes_the_check_without_creating_anything_and_is_written_whole()
    {
        var set = Set(overwrite: false, "a/one.mrc", "a/b/two.mrc");
        Assert.Empty(set.Check([]));
        Assert.False(Directory.Exists(_directory.File("a")));

        set.CreateDirectories();
        var written = set.Publish(3f);
        Assert.Equal([_directory.File("a/one.mrc"), _directory.File("a/b/two.mrc")], written);
        Assert.All(written, path => Assert.Equal(3f, MrcReader.ReadImage(path).Data[0]));
        Assert.Empty(Temporaries());
    }

    [Fact]
    public void Existing_files_are_named_and_kept_unless_overwriting_is_allowed()
    {
        Directory.CreateDirectory(_directory.File("a"));
        File.WriteAllText(_directory.File("a/one.mrc"), "old");
        var problem = Assert.Single(Set(overwrite: false, "a/one.mrc", "a/two.mrc").Check([]));
        Assert.Equal("key0", problem.KeyPath);
        Assert.Contains("File 'a/one.mrc' (resolved to", problem.Message);
        Assert.Contains("already exists, but overwriting is not allowed.", problem.Message);

        var allowed = Set(overwrite: true, "a/one.mrc", "a/two.mrc");
        Assert.Empty(allowed.Check([]));
        allowed.Publish(1f);
        Assert.Equal(1f, MrcReader.ReadImage(_directory.File("a/one.mrc")).Data[0]);
    }

    [Fact]
    public void Two_outputs_on_one_file_are_refused_even_through_a_symbolic_link()
    {
        Directory.CreateDirectory(_directory.File("real"));
        Directory.CreateSymbolicLink(_directory.File("link"), _directory.File("real"));
        var problem = Assert.Single(Set(overwrite: true, "real/x.mrc", "link/x.mrc").Check([]));
        Assert.Equal("key1", problem.KeyPath);
        Assert.Contains("is also the path of key0", problem.Message);
    }

    [Fact]
    public void An_output_may_never_replace_an_input_even_with_overwriting_allowed()
    {
        File.WriteAllText(_directory.File("micrograph.mrc"), "precious");
        File.CreateSymbolicLink(_directory.File("alias.mrc"), _directory.File("micrograph.mrc"));
        var set = Set(overwrite: true, "micrograph.mrc", "alias.mrc");
        var problems = set.Check([("micrograph_path", _directory.File("micrograph.mrc"))]);
        Assert.Equal(2, problems.Count(p => p.Message.Contains("is the input micrograph_path of this run", StringComparison.Ordinal)));
        Assert.Equal("precious", File.ReadAllText(_directory.File("micrograph.mrc")));
    }

    [Fact]
    public void Directories_in_the_way_and_unwritable_places_are_found_before_any_work()
    {
        Directory.CreateDirectory(_directory.File("taken.mrc"));
        File.WriteAllText(_directory.File("file"), "");
        var problems = new OutputSet<float>(
            [Writer("taken", _directory.File("taken.mrc")), Writer("under-file", _directory.File("file/x.mrc")), Writer("proc", "/proc/leopard-test/x.mrc")],
            allowOverwrite: true, Refusal).Check([]);
        Assert.Contains(problems, p => p.KeyPath == "taken" && p.Message.Contains("is a directory", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.KeyPath == "under-file" && p.Message.Contains("is a file, not a folder", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.KeyPath == "proc" && p.Message.Contains("does not accept new files", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failing_output_leaves_the_old_files_and_no_temporaries()
    {
        Directory.CreateDirectory(_directory.File("a"));
        File.WriteAllText(_directory.File("a/one.mrc"), "old");
        var set = new OutputSet<float>(
            [Writer("key0", _directory.File("a/one.mrc")), new FailingWriter(new OutputTarget("key1", "a/two.mrc", _directory.File("a/two.mrc")))],
            allowOverwrite: true, Refusal);
        var error = Assert.Throws<IOException>(() => set.Publish(1f));
        Assert.Contains("Could not write key1 'a/two.mrc'", error.Message);
        Assert.Equal("old", File.ReadAllText(_directory.File("a/one.mrc")));
        Assert.False(File.Exists(_directory.File("a/two.mrc")));
        Assert.Empty(Temporaries());
    }

    [Fact]
    public void Publishing_over_an_old_set_replaces_it_and_leaves_nothing_else()
    {
        var set = Set(overwrite: true, "one.mrc", "sub/two.mrc");
        set.CreateDirectories();
        set.Publish(1f);
        set.Publish(2f);
        set.Dispose();
        Assert.Equal(2f, MrcReader.ReadImage(_directory.File("one.mrc")).Data[0]);
        Assert.Equal(2f, MrcReader.ReadImage(_directory.File("sub/two.mrc")).Data[0]);
        Assert.Equal(["one.mrc", "sub/two.mrc"], AllFiles());
    }

    /// <summary>A run killed after its temporary files were written but before the journal: the old set is untouched,
    /// and the next claim removes the temporaries.</summary>
    [Fact]
    public void Temporaries_of_a_killed_run_are_removed_by_the_next_claim()
    {
        PublishOld();
        File.WriteAllText(_directory.File(".leopard-tmp-dead1-one.mrc"), "half");
        using var next = Set(overwrite: true, "one.mrc", "two.mrc");
        var repaired = next.Claim([], []);
        Assert.Single(repaired);
        Assert.Equal(["one.mrc", "two.mrc"], AllFiles());
        Assert.Equal(1f, MrcReader.ReadImage(_directory.File("one.mrc")).Data[0]);
    }

    /// <summary>A run killed in the middle of renaming (journal present, first target replaced and its old file set
    /// aside, second not yet): the next claim rolls back to the complete old set.</summary>
    [Fact]
    public void A_publication_killed_half_way_is_rolled_back_to_the_old_set()
    {
        PublishOld();
        var entries = new[] { "one.mrc", "two.mrc" }.Select(n => PublishEntry.For(_directory.File(n), "dead2")).ToList();
        File.WriteAllText(entries[1].Temporary, "new two");
        File.Move(entries[0].Target, entries[0].Backup);
        File.WriteAllText(entries[0].Target, "new one");
        OutputJournal.Write(OutputJournal.PathFor(_directory.Path, "dead2"), entries);

        using var next = Set(overwrite: true, "one.mrc", "two.mrc");
        Assert.Contains("rolled back an interrupted write of 2 output(s)", Assert.Single(next.Claim([], [])));
        Assert.Equal(["one.mrc", "two.mrc"], AllFiles());
        Assert.All(["one.mrc", "two.mrc"], name => Assert.Equal(1f, MrcReader.ReadImage(_directory.File(name)).Data[0]));
    }

    /// <summary>A run killed after its commit (journal gone) but before it removed the set-aside old files: the new set
    /// stays, the old files go.</summary>
    [Fact]
    public void A_committed_publication_keeps_the_new_set_and_loses_the_set_aside_files()
    {
        PublishOld();
        File.WriteAllText(_directory.File(".leopard-old-dead3-one.mrc"), "old one");
        using var next = Set(overwrite: true, "one.mrc", "two.mrc");
        next.Claim([], []);
        Assert.Equal(["one.mrc", "two.mrc"], AllFiles());
    }

    [Fact]
    public void Two_runs_may_not_claim_the_same_outputs_at_once()
    {
        using var first = Set(overwrite: true, "out/one.mrc");
        first.Claim([], []);
        using var second = Set(overwrite: true, "out/one.mrc");
        var error = Assert.Throws<IOException>(() => second.Claim([], []));
        Assert.Contains("key0: 'out/one.mrc'", error.Message);
        Assert.Contains("is being written by another leopard run", error.Message);

        first.Dispose();
        second.Claim([], []);
    }

    private void PublishOld()
    {
        using var old = Set(overwrite: true, "one.mrc", "two.mrc");
        old.Claim([], []);
        old.Publish(1f);
    }

    private string[] AllFiles() =>
        [.. Directory.EnumerateFiles(_directory.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_directory.Path, f))
            .Where(f => !Path.GetFileName(f).StartsWith(".leopard-lock-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private OutputSet<float> Set(bool overwrite, params string[] paths) =>
        new([.. paths.Select((p, i) => Writer($"key{i}", p))], overwrite, Refusal);

    private MrcOutput<float> Writer(string key, string path) =>
        new(OutputTarget.Resolve(key, path, _directory.Path), value => new Image2D(2, 2, [value, value, value, value]), 1.0, "test");

    private IEnumerable<string> Temporaries() =>
        Directory.EnumerateFiles(_directory.Path, OutputSet<float>.TemporaryPrefix + "*", SearchOption.AllDirectories);

    private sealed class FailingWriter(OutputTarget target) : IOutputWriter<float>
    {
        public OutputTarget Target { get; } = target;

        public void Write(Stream stream, float result) => throw new IOException("disk full");
    }
}
