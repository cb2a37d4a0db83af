using System.Globalization;
using LeopardEm.Config;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.Search;
using LeopardEm.Tests.Settings;

namespace LeopardEm.Tests.Datasets;

/// <summary>
/// A small dataset for the runs over micrographs: noise micrographs of 64 x 64 px (each its own seed), a 16³ template,
/// a configuration of 552 orientations x 3 defocus planes with absolute paths, and micrograph tables. The reference for
/// every micrograph is a single run of a configuration written here independently (the table's defocus typed into
/// its optics group), in-process with the same options as the CLI.
/// </summary>
internal sealed class DatasetWorkspace : IDisposable
{
    /// <summary>The z-score cutoff every run here picks with (low, so the noise micrographs give particles).</summary>
    public const string Cutoff = "2.5";

    private readonly TempDirectory _directory = new();

    public DatasetWorkspace()
    {
        MrcWriter.Write(File("template.mrc"), SearchCase.BlobVolume(16, 8), false);
        Settings = SampleSettings.Create() with
        {
            MicrographPath = File("m0.mrc"),
            TemplateVolumePath = File("template.mrc"),
            OrientationSearchConfig = new OrientationSearchConfig { PsiStep = 30, ThetaStep = 30 },
            DefocusSearchConfig = new DefocusSearchConfig { DefocusMin = -200, DefocusMax = 200, DefocusStep = 200 },
            MatchTemplateResult = SampleSettings.Result(File("out")),
        };
        Config = File("config.yaml");
        MatchTemplateConfig.Save(Settings, Config);
    }

    public string Path => _directory.Path;

    /// <summary>The configuration's settings (micrograph m0, SampleSettings' optics).</summary>
    public MatchTemplateSettings Settings { get; }

    /// <summary>The configuration file.</summary>
    public string Config { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes a noise micrograph NAME.mrc (seeded by the name) and returns its path.</summary>
    public string Micrograph(string name, int size = 64)
    {
        var random = new Random(name.Sum(c => c));
        var path = File(name + ".mrc");
        MrcWriter.Write(path, new Image2D(size, size, [.. Enumerable.Range(0, size * size).Select(_ => random.NextSingle() - 0.5f)]), true);
        return path;
    }

    /// <summary>Writes a CSV micrograph table of (path, defocus_u, defocus_v, astigmatism_angle) rows.</summary>
    public string Table(string name, params (string Path, double U, double V, double Angle)[] rows)
    {
        var path = File(name);
        System.IO.File.WriteAllLines(path, [
            "path,defocus_u,defocus_v,astigmatism_angle",
            .. rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Path},{r.U},{r.V},{r.Angle}")),
        ]);
        return path;
    }

    /// <summary>The reference: one in-process match_template run of <paramref name="micrograph"/> with the given CTF,
    /// its maps and table in <paramref name="folder"/>.</summary>
    public void SingleRun(string micrograph, double u, double v, double angle, string folder)
    {
        var settings = Settings with
        {
            MicrographPath = micrograph,
            OpticsGroup = Settings.OpticsGroup with { DefocusU = u, DefocusV = v, AstigmatismAngle = angle },
            MatchTemplateResult = SampleSettings.Result(folder),
        };
        using var job = MatchTemplateJob.Prepare(settings, Path, new MatchTemplateOptions
        {
            Threads = 2,
            ZScoreCutoff = double.Parse(Cutoff, CultureInfo.InvariantCulture),
            OutputCsvPath = System.IO.Path.Combine(folder, "particles.csv"),
            SettingsFingerprint = MatchTemplateConfig.SearchFingerprint(settings),
        });
        job.Run(null, CancellationToken.None);
    }

    /// <summary>Asserts that a run folder's micrograph holds exactly the reference's results: every map bit for bit
    /// (SampleSettings' file names there, the map keys' here) and the same particle rows (their output paths aside).</summary>
    public static void AssertSameResults(string reference, string folder)
    {
        (string Reference, string Run)[] maps =
        [
            ("mip.mrc", "mip.mrc"), ("scaled_mip.mrc", "scaled_mip.mrc"), ("avg.mrc", "correlation_average.mrc"),
            ("var.mrc", "correlation_variance.mrc"), ("psi.mrc", "orientation_psi.mrc"), ("theta.mrc", "orientation_theta.mrc"),
            ("phi.mrc", "orientation_phi.mrc"), ("defocus.mrc", "relative_defocus.mrc"),
        ];
        foreach (var (a, b) in maps)
        {
            var expected = MrcReader.ReadImage(System.IO.Path.Combine(reference, a)).Data;
            var actual = MrcReader.ReadImage(System.IO.Path.Combine(folder, b)).Data;
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{b} differs from the single run's {a}");
        }

        var expectedRows = ParticleTableCsv.Read(System.IO.Path.Combine(reference, "particles.csv"));
        var actualRows = ParticleTableCsv.Read(System.IO.Path.Combine(folder, "particles.csv"));
        Assert.NotEmpty(expectedRows.Rows);
        Assert.Equal(expectedRows.Columns, actualRows.Columns);
        Assert.Equal(expectedRows.Rows.Count, actualRows.Rows.Count);
        var compared = expectedRows.Columns.Where(c => !c.EndsWith("_path", StringComparison.Ordinal) || c == "micrograph_path").ToList();
        for (var r = 0; r < expectedRows.Rows.Count; r++)
        {
            foreach (var column in compared)
            {
                Assert.Equal(expectedRows[r, column], actualRows[r, column]);
            }
        }
    }

    public void Dispose() => _directory.Dispose();
}
