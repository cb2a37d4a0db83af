using LeopardEm.Config;
using LeopardEm.Orientations;
using LeopardEm.Settings;
using LeopardEm.Tests.Settings;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Config;

/// <summary>ToYaml writes what Parse reads back unchanged, in PyYAML's sorted-key layout.</summary>
public class RoundTripTests
{
    private static MatchTemplateSettings RoundTrip(MatchTemplateSettings settings) =>
        MatchTemplateConfig.Parse(MatchTemplateConfig.ToYaml(settings), "written.yaml").Settings;

    [Fact]
    public void UpstreamExampleRoundTrips()
    {
        var settings = MatchTemplateConfig.Parse(ConfigTexts.UpstreamExample).Settings;
        Assert.Equal(settings, RoundTrip(settings));
    }

    [SharedDataFact("golden/leopard-em-1/match_template_config.yaml")]
    public void GoldenConfigRoundTrips()
    {
        var settings = MatchTemplateConfig.Load(SharedData.Find("golden/leopard-em-1/match_template_config.yaml")!)
            .Settings;
        Assert.Equal(settings, RoundTrip(settings));
    }

    [Fact]
    public void EveryOptionalValueRoundTrips()
    {
        var settings = SampleSettings.Create() with
        {
            MicrographPath = "data dir/it's 1.mrc",
            TemplateVolumePath = "123",
            OpticsGroup = SampleSettings.Optics with
            {
                Label = "yes",
                PhaseShift = 1e-5,
                ChromaticAberration = null,
                MtfReference = "null",
                MtfValues = [1.0, 0.5, 1e20],
                BeamTiltX = -0.1,
                OddZernikes = new Dictionary<string, double> { ["Z31c"] = 0.1, ["Z33s"] = -2 },
                EvenZernikes = new Dictionary<string, double>(),
                MagMatrix = [1.0, 0.0, 0.0, 1.0],
            },
            DefocusSearchConfig = new DefocusSearchConfig { DefocusMin = 0.1 + 0.2, SkipEnforceZero = true },
            PixelSizeSearchConfig = new PixelSizeSearchConfig
            {
                Enabled = true,
                PixelSizeMin = -0.01,
                PixelSizeMax = 0.01,
                PixelSizeStep = 0.002,
            },
            OrientationSearchConfig = new MultipleOrientationConfig
            {
                OrientationConfigs =
                [
                    new OrientationSearchConfig { Symmetry = "D7", BaseGridMethod = BaseGridMethod.Cartesian },
                    new OrientationSearchConfig { Symmetry = null, PsiMin = 10, PsiMax = 20 },
                ],
            },
            PreprocessingFilters = new PreprocessingFilters
            {
                WhiteningFilter = new WhiteningFilterConfig { NumFreqBins = 100, MaxFreq = null, DoPowerSpectrum = null },
                BandpassFilter = BandpassFilterConfig.FromSpatialResolution(300, 3, 1.06, 0.05),
                PhaseRandomizationFilter = new PhaseRandomizationFilterConfig { Enabled = true, Cuton = 0.25 },
                ArbitraryCurveFilter = new ArbitraryCurveFilterConfig
                {
                    Enabled = true,
                    Frequencies = [0.0, 0.25, 0.5],
                    Amplitudes = [1.0, 0.5, 0.25],
                },
            },
            MatchTemplateResult = SampleSettings.Result() with
            {
                AllowFileOverwrite = true,
                TotalProjections = 5_000_000_000,
                TotalOrientations = 7,
                TotalDefocus = 3,
            },
            ComputationalConfig = new ComputationalConfigMatch
            {
                GpuIds = GpuIds.FromDevices("cuda:0", "cpu"),
                NumCpus = 8,
                Backend = CorrelationScheduling.Batched,
            },
        };
        Assert.Empty(settings.Validate());
        Assert.Equal(settings, RoundTrip(settings));
    }

    [Theory]
    [MemberData(nameof(GpuForms))]
    public void GpuIdFormsRoundTrip(GpuIds ids)
    {
        var settings = SampleSettings.Create() with { ComputationalConfig = new ComputationalConfigMatch { GpuIds = ids } };
        Assert.Equal(settings, RoundTrip(settings));
    }

    public static TheoryData<GpuIds> GpuForms =>
        [GpuIds.FromIndex(1), GpuIds.FromIndices(0, 1), GpuIds.All, GpuIds.Cpu, GpuIds.FromDevices("cpu", "cpu")];

    [Fact]
    public void OutputLooksLikePyYaml()
    {
        var yaml = MatchTemplateConfig.ToYaml(MatchTemplateConfig.Parse(ConfigTexts.UpstreamExample).Settings);
        var topKeys = yaml.Split('\n').Where(l => l.Length > 0 && l[0] != ' ' && l[0] != '-')
            .Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToArray();
        Assert.Equal(topKeys.Order(StringComparer.Ordinal), topKeys);
        Assert.DoesNotContain("pixel_size_search_config", yaml); // default: omitted, so upstream can read it
        Assert.Contains("computational_config:\n  backend: streamed\n  gpu_ids:\n  - 0\n  num_cpus: 1\n", yaml);
        Assert.Contains("  voltage: 300.0\n", yaml);
        Assert.Contains("  ctf_B_factor: 60.0\n", yaml);
        Assert.Contains("  num_freq_bins: null\n", yaml);
        Assert.Contains("  defocus_min: -1200.0\n", yaml);
        Assert.Contains("  symmetry: C1\n", yaml);
        // PyYAML sorts by code point: upper-case 'B' sorts before lower-case letters.
        Assert.True(yaml.IndexOf("ctf_B_factor", StringComparison.Ordinal) <
                    yaml.IndexOf("chromatic_aberration", StringComparison.Ordinal) ==
                    string.CompareOrdinal("ctf_B_factor", "chromatic_aberration") < 0);
    }

    [Fact]
    public void AmbiguousStringsAreQuoted()
    {
        var settings = SampleSettings.Create() with
        {
            MicrographPath = "true",
            TemplateVolumePath = "1.5",
            OpticsGroup = SampleSettings.Optics with { Label = "~" },
        };
        var yaml = MatchTemplateConfig.ToYaml(settings);
        Assert.Contains("micrograph_path: 'true'\n", yaml);
        Assert.Contains("template_volume_path: '1.5'\n", yaml);
        Assert.Contains("  label: '~'\n", yaml);
        Assert.Equal(settings, RoundTrip(settings));
    }

    [Fact]
    public void SaveWritesAFileThatLoads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leopard-{Guid.NewGuid():N}.yaml");
        try
        {
            var settings = SampleSettings.Create();
            MatchTemplateConfig.Save(settings, path);
            Assert.Equal(settings, MatchTemplateConfig.Load(path).Settings);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
