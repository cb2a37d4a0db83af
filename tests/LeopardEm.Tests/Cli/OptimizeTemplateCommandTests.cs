using System.Globalization;
using System.Text.RegularExpressions;
using LeopardEm.Cli;
using LeopardEm.Config;
using LeopardEm.Io;
using LeopardEm.Settings;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Cli;

/// <summary><c>leopard optimize-template</c> on a small synthetic case (particles projected from a 1.2 Å template): the
/// outputs and what it prints. The algorithm's accuracy is tested in OptimizeTemplateJobTests.</summary>
public sealed partial class OptimizeTemplateCommandTests : IClassFixture<OptimizeTemplateCommandTests.Scenario>
{
    private readonly OptimizeTemplateScenario _scenario;

    public OptimizeTemplateCommandTests(Scenario scenario) => _scenario = scenario.Value;

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void Prints_the_curve_and_the_optimum_and_writes_every_output()
    {
        // A short search: coarse only, ±0.02 Å from 1.22 Å.
        var config = WriteConfig("full", s => s with
        {
            PixelSizeCoarseSearch = s.PixelSizeCoarseSearch with { PixelSizeMin = -0.03, PixelSizeMax = 0.01 },
            PixelSizeFineSearch = s.PixelSizeFineSearch with { Enabled = false },
        });
        var (csv, text, template) = (_scenario.File("full-curve.csv"), _scenario.File("full.txt"), _scenario.File("full-best.mrc"));

        var (code, output, error) = Run(
            "optimize-template", config, "--output-csv", csv, "--output-text", text, "--write-template", template, "--threads", "2");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("against 9 particle(s) from 1 micrograph(s) in 56 x 56 px boxes", output);
        Assert.True(output.Contains("coarse pass over 5 values 1.190–1.230 Å from 1.220 Å", StringComparison.Ordinal), output);
        var optimum = double.Parse(OptimumLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(1.2, optimum, 1e-9);

        // One progress line and one CSV row per evaluation, in order.
        var lines = File.ReadAllLines(csv);
        Assert.Equal("stage,pixel_size,additional_b_factor,score,particles_used", lines[0]);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(Regex.Matches(output, @"^  coarse ", RegexOptions.Multiline).Count, rows.Count);
        Assert.Equal(["1.19", "1.2", "1.21", "1.22"], rows.Select(r => r[1]).Take(4));
        Assert.All(rows, r => Assert.Equal(("coarse", "20", "9"), (r[0], r[2], r[4])));
        var scores = rows.Select(r => double.Parse(r[3], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.Max(), scores[1]);

        Assert.Equal("Optimal template px: 1.200 Å", File.ReadAllText(text));
        var volume = MrcReader.ReadVolume(template, out var header);
        Assert.Equal((48, 48, 48), (volume.Width, volume.Height, volume.Depth));
        Assert.Equal(1.2f, header.VoxelSize.X, 1e-6f);

        // A second run must not replace them unless asked to.
        (code, _, error) = Run("optimize-template", config, "--output-csv", csv);
        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("already exists", error);
    }

    [Fact]
    public void A_b_factor_scan_alone_writes_its_curve_and_leopard_ems_b_factor_line()
    {
        var config = WriteConfig("b", s => s with
        {
            PixelSizeCoarseSearch = new PixelSizeSearchConfig(),
            Simulator = s.Simulator with { PixelSpacing = 1.2 },
        });
        var (csv, text) = (_scenario.File("b-curve.csv"), _scenario.File("b.txt"));

        var (code, output, error) = Run("optimize-template", config, "--b-factor", "0:40:20", "--output-csv", csv, "--output-text", text);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("additional_b_factor over 3 values 0–40 Å² at the pixel size 1.200 Å", output);
        Assert.Matches(@"(?m)^optimal additional B-factor: 20 Å²$", output);
        Assert.DoesNotMatch("(?m)^optimal pixel size", output);
        Assert.Equal(["b_factor,1.2,0", "b_factor,1.2,20", "b_factor,1.2,40"], File.ReadAllLines(csv).Skip(1).Select(l => string.Join(',', l.Split(',')[..3])));
        Assert.Matches(@"^Best B-factor: 20 with a mean of \d+\.\d+$", File.ReadAllText(text));
    }

    [Fact]
    public void Nothing_to_optimise_is_an_error_at_the_coarse_search_key()
    {
        var config = WriteConfig("nothing", s => s with { PixelSizeCoarseSearch = new PixelSizeSearchConfig() });

        var (code, _, error) = Run("optimize-template", config);

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.True(Regex.IsMatch(error, @"pixel_size_coarse_search\.enabled .*\(at line \d+"), error);
        Assert.Contains("nothing to optimise", error);
    }

    [Fact]
    public void Configuration_errors_name_the_key_and_line()
    {
        var config = WriteConfig("bad", edit: yaml => yaml.Replace("  b_factor_scaling:", "  b_factor_scale:", StringComparison.Ordinal));

        var (code, _, error) = Run("optimize-template", config);

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Matches(@"Unknown key 'b_factor_scale' in simulator at line \d+", error);
    }

    [Theory]
    [InlineData("0:100", "--b-factor must be three numbers MIN:MAX:STEP")]
    [InlineData("0:100:0", "--b-factor must be the B-factor step must be positive")]
    [InlineData("100:0:10", "below the smallest")]
    public void Bad_b_factor_ranges_are_usage_errors(string range, string message)
    {
        var (code, _, error) = Run("optimize-template", WriteConfig("usage"), "--b-factor", range);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(message, error);
    }

    private string WriteConfig(string name, Func<OptimizeTemplateSettings, OptimizeTemplateSettings>? change = null, Func<string, string>? edit = null)
    {
        var settings = _scenario.Settings(1.22);
        var yaml = OptimizeTemplateConfig.ToYaml(change is null ? settings : change(settings));
        var path = _scenario.File(name + ".yaml");
        File.WriteAllText(path, edit is null ? yaml : edit(yaml));
        return path;
    }

    [GeneratedRegex(@"(?m)^optimal pixel size: (\d+\.\d+) Å$")]
    private static partial Regex OptimumLine();

    /// <summary>One synthetic case for the class: the true template at 1.2 Å with 20 Å² added.</summary>
    public sealed class Scenario : IDisposable
    {
        public OptimizeTemplateScenario Value { get; } = new(new OptimizeTemplateScenarioOptions { TrueBFactor = 20, SignalToNoise = 40 });

        public void Dispose() => Value.Dispose();
    }
}
