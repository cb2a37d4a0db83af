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
