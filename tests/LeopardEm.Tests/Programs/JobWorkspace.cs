using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Settings;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.Search;
using LeopardEm.Tests.Settings;

namespace LeopardEm.Tests.Programs;

/// <summary>
/// A scratch directory holding a tiny match_template case: a 64 x 64 noise micrograph, a 16³ blob template and
/// settings with relative paths (inputs under the directory, outputs in <c>out/</c>), a coarse orientation grid and
/// three defocus planes, so a whole run takes well under a second.
/// </summary>
internal sealed class JobWorkspace : IDisposable
{
    private readonly TempDirectory _directory = new();

    public JobWorkspace()
    {
        var random = new Random(4);
        var micrograph = new Image2D(64, 64, [.. Enumerable.Range(0, 64 * 64).Select(_ => random.NextSingle() - 0.5f)]);
        MrcWriter.Write(_directory.File("micrograph.mrc"), micrograph, overwrite: false);
        MrcWriter.Write(_directory.File("template.mrc"), SearchCase.BlobVolume(16, 8), overwrite: false);
        Settings = SampleSettings.Create() with
        {
            OrientationSearchConfig = new OrientationSearchConfig { PsiStep = 60, ThetaStep = 60 },
            DefocusSearchConfig = new DefocusSearchConfig { DefocusMin = -200, DefocusMax = 200, DefocusStep = 200 },
        };
    }

    /// <summary>The directory relative paths resolve against.</summary>
    public string Path => _directory.Path;

    /// <summary>Valid settings, <c>allow_file_overwrite</c> false.</summary>
    public MatchTemplateSettings Settings { get; }

    /// <summary>Writes the settings as a YAML file with absolute paths (the CLI resolves relative ones against the
    /// process's current directory, which tests running in parallel must not change) and returns its path.</summary>
    public string WriteAbsoluteConfig(string name = "config.yaml")
    {
        var path = File(name);
        LeopardEm.Config.MatchTemplateConfig.Save(
            Settings with
            {
                MicrographPath = File("micrograph.mrc"),
                TemplateVolumePath = File("template.mrc"),
                MatchTemplateResult = SampleSettings.Result(File("out")),
            },
            path);
        return path;
    }

    /// <summary>Absolute path of a file in the workspace.</summary>
    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Every file under the workspace (relative path → bytes), hidden temporary files included.</summary>
    public IReadOnlyDictionary<string, byte[]> Snapshot() =>
        Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => System.IO.Path.GetRelativePath(Path, f), System.IO.File.ReadAllBytes);

    public void Dispose() => _directory.Dispose();
}
