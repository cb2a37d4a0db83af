using System.Numerics;
using LeopardEm.Cli;
using LeopardEm.Config;
using LeopardEm.Demo;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Settings;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.Search;
using LeopardEm.Tests.Settings;

namespace LeopardEm.Tests.Cli;

/// <summary>
/// Bad input as a hostile user gives it, one test per defect of issue #11: every case ends with one clear line naming
/// the file, option or key, the documented exit code, no stack trace, and nothing lost or half-written
/// (docs/errors.md lists them).
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, string[]> NonNumericOptions => new()
    {
        { "--threads", ["match-template", "x.yaml", "--threads", "abc"] },
        { "--orientation-batch-size", ["match-template", "x.yaml", "--orientation-batch-size", "x"] },
        { "--false-positives", ["match-template", "x.yaml", "--false-positives", "x"] },
        { "--z-score-cutoff", ["match-template", "x.yaml", "--z-score-cutoff", "NaN"] },
        { "--threads", ["refine-template", "x.yaml", "--output-csv", "o.csv", "--threads", "abc"] },
        { "--threads", ["demo", "--threads", "abc"] },
        { "--pixel-size", ["simulate", "m.pdb", "-o", "t.mrc", "--pixel-size", "x", "--box", "8"] },
        { "--box", ["simulate", "m.pdb", "-o", "t.mrc", "--pixel-size", "1", "--box", "x"] },
        { "--voltage", ["simulate", "m.pdb", "-o", "t.mrc", "--pixel-size", "1", "--box", "8", "--voltage", "x"] },
        { "--exposure", ["simulate", "m.pdb", "-o", "t.mrc", "--pixel-size", "1", "--box", "8", "--exposure", "Infinity"] },
    };

    /// <summary>Defect 1: a value that is not a number is a usage error naming the option and its rule, in every verb.</summary>
    [Theory]
    [MemberData(nameof(NonNumericOptions))]
    public void A_non_numeric_value_is_a_usage_error_naming_the_option(string option, string[] args)
    {
        var (code, output, error) = CliRun.Run(args);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains($"error: {option} must be", error);
        Assert.DoesNotContain("Exception", output + error);
        Assert.DoesNotContain("System.", output + error);
    }

    /// <summary>Defect 2: an output that is an input (even through a symbolic link) is refused although overwriting is
    /// allowed, and the micrograph is untouched.</summary>
    [Fact]
    public void An_output_on_the_micrograph_is_refused_even_with_overwriting_allowed()
    {
        var settings = Settings();
        var micrograph = File.ReadAllBytes(settings.MicrographPath);
        File.CreateSymbolicLink(_directory.File("alias.mrc"), settings.MicrographPath);
        var config = Save(settings with
        {
            MatchTemplateResult = settings.MatchTemplateResult with { MipPath = _directory.File("alias.mrc"), AllowFileOverwrite = true },
        });
        var (code, _, error) = CliRun.Run("match-template", config);
        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("match_template_result.mip_path", error);
        Assert.Contains("is the input micrograph_path of this run; an output may never replace an input", error);
        Assert.Equal(micrograph, File.ReadAllBytes(settings.MicrographPath));
    }

    /// <summary>Defect 3: non-finite or constant templates and micrographs are refused naming the file and the first bad
    /// voxel, before any search.</summary>
    [Theory]
    [InlineData("template", "NaN", "holds NaN at voxel (x 3, y 2, z 1)")]
    [InlineData("template", "Infinity", "holds +infinity at voxel (x 3, y 2, z 1)")]
    [InlineData("template", "constant", "has the same value (0.5) everywhere")]
    [InlineData("micrograph", "NaN", "holds NaN at pixel (x 3, y 2)")]
    [InlineData("micrograph", "huge", "has values too large for float32 transforms")]
    public void Unsearchable_samples_are_refused_naming_the_file_and_voxel(string which, string kind, string expected)
    {
        var settings = Settings();
        var path = which == "template" ? settings.TemplateVolumePath : settings.MicrographPath;
        if (which == "template")
        {
            var volume = MrcReader.ReadVolume(path);
            Spoil(volume.Data, volume.Width, volume.Height, kind);
            Rewrite(path, () => MrcWriter.Write(path, volume, overwrite: false));
        }
        else
        {
            var image = MrcReader.ReadImage(path);
            Spoil(image.Data, image.Width, image.Height, kind);
            Rewrite(path, () => MrcWriter.Write(path, image, overwrite: false));
        }

        var (code, _, error) = CliRun.Run("match-template", Save(settings));
        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains($"'{path}' {expected}", error);
        Assert.False(Directory.Exists(_directory.File("out")) && Directory.EnumerateFiles(_directory.File("out"), "*.mrc").Any());
    }

    /// <summary>Defect 5: outputs that cannot be written are found before the search (a folder that accepts no files, a
    /// CSV path that is a directory).</summary>
    [Fact]
    public void Unwritable_outputs_are_found_before_the_search()
    {
        var settings = Settings();
        var unwritable = Save(settings with { MatchTemplateResult = SampleSettings.Result("/proc/leopard-cannot-write") });
        var (code, output, error) = CliRun.Run("match-template", unwritable);
        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("does not accept new files", error);
        Assert.DoesNotContain("Searching", output);

        Directory.CreateDirectory(_directory.File("table.csv"));
        (code, output, error) = CliRun.Run("match-template", Save(settings), "--output-csv", _directory.File("table.csv"));
        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("--output-csv", error);
        Assert.Contains("is a directory; give a file name", error);
        Assert.DoesNotContain("Searching", output);
    }

    /// <summary>Defect 7: a grid too fine for the best-index map is refused from the settings, with the key and the
    /// count, before any orientation is generated.</summary>
    [Fact]
    public void A_too_fine_grid_is_refused_with_its_count()
    {
        var settings = Settings() with
        {
            OrientationSearchConfig = new OrientationSearchConfig { PsiStep = 0.05, ThetaStep = 0.05 },
            DefocusSearchConfig = new DefocusSearchConfig { DefocusMin = -1000, DefocusMax = 1000, DefocusStep = 100 },
        };
        var (code, _, error) = CliRun.Run("match-template", Save(settings));
        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("orientation_search_config:", error);
        Assert.Contains("cross-correlations per pixel; a search holds at most 2,147,483,647", error);
    }

    /// <summary>Defect 8: unclear messages made clear.</summary>
    [Fact]
    public void Messages_name_the_problem()
    {
        foreach (var tail in new[] { "", "optics_group:\n  label: x\n" })
        {
            File.WriteAllText(_directory.File("unclosed.yaml"), "micrograph_path: a.mrc\ntemplate_volume_path: [t.mrc\n" + tail);
            Assert.Contains("the '[' at line 2, column 23 is never closed", CliRun.Run("match-template", _directory.File("unclosed.yaml")).Err);
        }

        Directory.CreateDirectory(_directory.File("folder.yaml"));
        Assert.Contains("is a directory, not a file", CliRun.Run("match-template", _directory.File("folder.yaml")).Err);

        File.WriteAllText(_directory.File("a-file"), "");
        Assert.Contains("--out '" + _directory.File("a-file") + "' is a file", CliRun.Run("demo", "--out", _directory.File("a-file")).Err);

        var odd = Settings();
        MrcWriter.Write(_directory.File("odd.mrc"), new Image2D(63, 64, [.. Enumerable.Range(0, 63 * 64).Select(i => (float)Math.Sin(i))]), false);
        var (_, _, error) = CliRun.Run("match-template", Save(odd with { MicrographPath = _directory.File("odd.mrc") }));
        Assert.Contains($"'{_directory.File("odd.mrc")}' must have even width and height", error);
        Assert.DoesNotContain("LEOPARD_DEBUG", error);
    }

    /// <summary>Defect 9: a header pixel size far from the YAML's stops the run unless allowed; allowed, it is a note.</summary>
    [Fact]
    public void A_pixel_size_mismatch_is_refused_unless_allowed()
    {
        var settings = Settings();
        var image = MrcReader.ReadImage(settings.MicrographPath);
        Rewrite(settings.MicrographPath, () => MrcWriter.Write(settings.MicrographPath, image, false, new MrcWriteOptions { VoxelSize = new Vector3(2.0f) }));
        var config = Save(settings);
        var (code, _, error) = CliRun.Run("match-template", config);
        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("optics_group.pixel_size: the micrograph header of", error);
        Assert.Contains("gives a pixel size of 2 Å, but optics_group.pixel_size is 1.06 Å", error);

        var (allowedCode, output, allowedError) = CliRun.Run("match-template", config, "--allow-pixel-size-mismatch");
        Assert.True(allowedCode == ExitCodes.Success, allowedError);
        Assert.Contains("allowed by --allow-pixel-size-mismatch", output.Replace("\n", " ", StringComparison.Ordinal));
    }

    /// <summary>Defect 9: an inverted demo micrograph (particles white) finds nothing, and says why.</summary>
    [Fact]
    public void An_inverted_micrograph_gets_a_warning()
    {
        var scenario = DemoScenario.Create(DemoScenarioOptions.Small, _directory.Path);
        scenario.WriteInputs(_directory.Path, overwrite: true);
        var micrograph = Path.Combine(_directory.Path, scenario.Settings.MicrographPath);
        var image = MrcReader.ReadImage(micrograph, out var header);
        for (var i = 0; i < image.Data.Length; i++)
        {
            image.Data[i] = -image.Data[i];
        }

        Rewrite(micrograph, () => MrcWriter.Write(micrograph, image, false, new MrcWriteOptions { VoxelSize = header.VoxelSize }));
        var settings = scenario.Settings with
        {
            MicrographPath = micrograph,
            TemplateVolumePath = Path.Combine(_directory.Path, scenario.Settings.TemplateVolumePath),
            MatchTemplateResult = SampleSettings.Result(_directory.File("inverted")),
        };
        var (code, output, error) = CliRun.Run("match-template", Save(settings), "--threads", "2");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("The micrograph's contrast looks inverted", output.Replace("\n", " ", StringComparison.Ordinal));
    }

    private MatchTemplateSettings Settings()
    {
        var random = new Random(4);
        var micrograph = _directory.File("micrograph.mrc");
        var template = _directory.File("template.mrc");
        MrcWriter.Write(micrograph, new Image2D(64, 64, [.. Enumerable.Range(0, 64 * 64).Select(_ => random.NextSingle() - 0.5f)]), overwrite: true);
        MrcWriter.Write(template, SearchCase.BlobVolume(16, 8), overwrite: true);
        return SampleSettings.Create() with
        {
            MicrographPath = micrograph,
            TemplateVolumePath = template,
            OrientationSearchConfig = new OrientationSearchConfig { PsiStep = 60, ThetaStep = 60 },
            DefocusSearchConfig = new DefocusSearchConfig { DefocusMin = -200, DefocusMax = 200, DefocusStep = 200 },
            MatchTemplateResult = SampleSettings.Result(_directory.File("out")),
        };
    }

    private string Save(MatchTemplateSettings settings)
    {
        var path = _directory.File($"config-{Guid.NewGuid():N}.yaml");
        MatchTemplateConfig.Save(settings, path);
        return path;
    }

    private static void Rewrite(string path, Action write)
    {
        File.Delete(path);
        write();
    }

    // Puts the bad value at (x 3, y 2, z 1) of a volume or (x 3, y 2) of an image.
    private static void Spoil(float[] data, int width, int height, string kind)
    {
        var at = data.Length > width * height ? (1 * height + 2) * width + 3 : 2 * width + 3;
        switch (kind)
        {
            case "NaN":
                data[at] = float.NaN;
                break;
            case "Infinity":
                data[at] = float.PositiveInfinity;
                break;
            case "constant":
                Array.Fill(data, 0.5f);
                break;
            default:
                for (var i = 0; i < data.Length; i++)
                {
                    data[i] = i % 2 == 0 ? 1e36f : -1e36f;
                }

                break;
        }
    }
}
