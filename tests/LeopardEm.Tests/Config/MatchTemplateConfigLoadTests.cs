using LeopardEm.Config;
using LeopardEm.Orientations;
using LeopardEm.Settings;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Config;

/// <summary>Valid configurations load with the right values.</summary>
public class MatchTemplateConfigLoadTests
{
    [Fact]
    public void UpstreamExampleLoadsWithThirteenDefocusPlanes()
    {
        var result = MatchTemplateConfig.Parse(ConfigTexts.UpstreamExample, "example.yaml");
        var s = result.Settings;
        Assert.Empty(result.Warnings);
        Assert.Equal("/some/path/to/template.mrc", s.TemplateVolumePath);
        Assert.Equal("/some/path/to/micrograph.mrc", s.MicrographPath);
        Assert.True(s.MatchTemplateResult.AllowFileOverwrite);
        Assert.Equal("/some/path/to/output_correlation_variance.mrc", s.MatchTemplateResult.CorrelationVariancePath);
        Assert.Equal(300.0, s.OpticsGroup.Voltage);
        Assert.Equal(1.06, s.OpticsGroup.PixelSize);
        Assert.Equal(5200.0, s.OpticsGroup.DefocusU);
        Assert.Equal(4950.0, s.OpticsGroup.DefocusV);
        Assert.Equal(25.0, s.OpticsGroup.AstigmatismAngle);
        Assert.Equal(2.7, s.OpticsGroup.SphericalAberration);
        Assert.Equal(0.07, s.OpticsGroup.AmplitudeContrastRatio);
        Assert.Equal(0.0, s.OpticsGroup.PhaseShift);
        Assert.Equal(60.0, s.OpticsGroup.CtfBFactor);
        var defocus = s.DefocusSearchConfig.GetRelativeDefocusValues();
        Assert.Equal(13, defocus.Length);
        Assert.Equal(-1200f, defocus[0]);
        Assert.Equal(1200f, defocus[^1]);
        var orientation = Assert.IsType<OrientationSearchConfig>(s.OrientationSearchConfig);
        Assert.Equal(new OrientationSearchConfig(), orientation);
        Assert.Equal(new WhiteningFilterConfig(), s.PreprocessingFilters.WhiteningFilter);
        Assert.Equal(new BandpassFilterConfig(), s.PreprocessingFilters.BandpassFilter);
        Assert.Equal(GpuIds.FromIndices(0), s.ComputationalConfig.GpuIds);
        Assert.Equal(1, s.ComputationalConfig.NumCpus);
        Assert.Equal(new PixelSizeSearchConfig(), s.PixelSizeSearchConfig);
        Assert.Equal([0f], s.PixelSizeSearchConfig.GetPixelSizeOffsets());
    }

    [SharedDataFact("golden/leopard-em-1/match_template_config.yaml")]
    public void GoldenConfigLoads()
    {
        var path = SharedData.Find("golden/leopard-em-1/match_template_config.yaml")!;
        var result = MatchTemplateConfig.Load(path);
        var s = result.Settings;
        Assert.Empty(result.Warnings);
        Assert.Equal(path, result.SourceName);
        Assert.Equal("inputs/template.mrc", s.TemplateVolumePath);
        Assert.Equal("inputs/micrograph.mrc", s.MicrographPath);
        Assert.False(s.MatchTemplateResult.AllowFileOverwrite);
        Assert.Equal("output/output_mip.mrc", s.MatchTemplateResult.MipPath);
        Assert.Equal(new OpticsGroup
        {
            Label = "synthetic",
            Voltage = 300,
            PixelSize = 1.5,
            DefocusU = 10000,
            DefocusV = 9000,
            AstigmatismAngle = 30,
            CtfBFactor = 30,
        }, s.OpticsGroup);
        Assert.Equal([-500f, 0f, 500f], s.DefocusSearchConfig.GetRelativeDefocusValues());
        Assert.Equal(new OrientationSearchConfig { PsiStep = 10, ThetaStep = 10 }, s.OrientationSearchConfig);
        Assert.Equal(new PreprocessingFilters(), s.PreprocessingFilters);
        Assert.Equal(GpuIds.FromDevices("cpu", "cpu"), s.ComputationalConfig.GpuIds);
        Assert.Equal(["cpu", "cpu"], s.ComputationalConfig.GpuIds.ResolveDeviceNames(0));
        Assert.Equal(1, s.ComputationalConfig.NumCpus);
    }

    [SharedDataFact("golden/leopard-em-1/match_template_config.yaml")]
    public void GoldenConfigGenerates14832Orientations()
    {
        // psi step 10 → 36 in-plane angles; theta step 10, C1, uniform → 412 base points.
        var path = SharedData.Find("golden/leopard-em-1/match_template_config.yaml")!;
        var spec = MatchTemplateConfig.Load(path).Settings.OrientationSearchConfig;
        var angles = spec.GenerateOrientations();
        Assert.Equal(14_832, angles.Length);
        Assert.Equal(14_832L, spec.CountOrientations());
        Assert.Equal(new OrientationSampling { PsiStep = 10, ThetaStep = 10 }.Generate(), angles);
    }

    [SharedDataFact("golden/leopard-em-1/match_template_config.yaml")]
    public void GoldenConfigInputsExistRelativeToItsFolder()
    {
        var path = SharedData.Find("golden/leopard-em-1/match_template_config.yaml")!;
        var settings = MatchTemplateConfig.Load(path).Settings;
        var problems = MatchTemplatePaths.Check(settings, Path.GetDirectoryName(path)!);
        Assert.DoesNotContain(problems, p => p.KeyPath is "micrograph_path" or "template_volume_path");
    }

    [Fact]
    public void JsonLoadsLikeYaml()
    {
        const string json = """
            {
              "micrograph_path": "m.mrc",
              "template_volume_path": "t.mrc",
              "optics_group": {"label": "j", "pixel_size": 1.06, "voltage": 300, "defocus_u": 5200,
                               "defocus_v": 4950, "astigmatism_angle": 25, "ctf_B_factor": 60},
              "defocus_search_config": {"defocus_min": -1200, "defocus_max": 1200, "defocus_step": 200},
              "orientation_search_config": {},
              "preprocessing_filters": {"bandpass_filter": {"enabled": false, "falloff": null}},
              "match_template_result": {"allow_file_overwrite": true, "mip_path": "a", "scaled_mip_path": "b",
                "correlation_average_path": "c", "correlation_variance_path": "d", "orientation_psi_path": "e",
                "orientation_theta_path": "f", "orientation_phi_path": "g", "relative_defocus_path": "h"},
              "computational_config": {"gpu_ids": "all", "num_cpus": 4}
            }
            """;
        var s = MatchTemplateConfig.Parse(json, "c.json").Settings;
        Assert.Equal(300.0, s.OpticsGroup.Voltage);
        Assert.Equal(13, s.DefocusSearchConfig.GetRelativeDefocusValues().Length);
        Assert.True(s.ComputationalConfig.GpuIds.IsAll);
        Assert.Equal(4, s.ComputationalConfig.NumCpus);
        Assert.Null(s.PreprocessingFilters.BandpassFilter.Falloff);
    }

    [Fact]
    public void EmptyBlocksGiveDefaults()
    {
        var text = ConfigTexts.UpstreamExample;
        text = text[..text.IndexOf("preprocessing_filters:", StringComparison.Ordinal)] +
               "preprocessing_filters: {}\ncomputational_config: {}\n";
        text = text.Replace("orientation_search_config:\n  base_grid_method: uniform\n  psi_step: 1.5\n" +
                            "  theta_step: 2.5\n  symmetry: C1\n", "orientation_search_config: {}\n",
            StringComparison.Ordinal);
        var s = MatchTemplateConfig.Parse(text).Settings;
        Assert.Equal(new PreprocessingFilters(), s.PreprocessingFilters);
        Assert.Equal(new ComputationalConfigMatch(), s.ComputationalConfig);
        Assert.Equal(new OrientationSearchConfig(), s.OrientationSearchConfig);
    }

    [Fact]
    public void PixelSizeSearchExtensionIsAccepted()
    {
        var text = ConfigTexts.UpstreamExample + """
            pixel_size_search_config:
              enabled: true
              pixel_size_min: -0.02
              pixel_size_max: 0.02
              pixel_size_step: 0.01

            """;
        var s = MatchTemplateConfig.Parse(text).Settings;
        Assert.True(s.PixelSizeSearchConfig.Enabled);
        Assert.Equal(5, s.PixelSizeSearchConfig.GetPixelSizeOffsets().Length);
    }

    [Fact]
    public void MultipleOrientationConfigsAreRead()
    {
        var text = ConfigTexts.WithOrientationBlock("""
            orientation_search_config:
              orientation_configs:
              - psi_step: 4
                theta_step: 4
              - symmetry: null
                theta_min: 80
                theta_max: 100
                base_grid_method: healpix
            """);
        var spec = Assert.IsType<MultipleOrientationConfig>(MatchTemplateConfig.Parse(text).Settings.OrientationSearchConfig);
        Assert.Equal(2, spec.OrientationConfigs.Count);
        Assert.Equal(4.0, spec.OrientationConfigs[0].PsiStep);
        Assert.Equal("C1", spec.OrientationConfigs[0].Symmetry);
        Assert.Null(spec.OrientationConfigs[1].Symmetry);
        Assert.Equal(BaseGridMethod.Healpix, spec.OrientationConfigs[1].BaseGridMethod);
        Assert.Equal(80.0, spec.OrientationConfigs[1].ThetaMin);
    }

    [Fact]
    public void OptionalOpticsFieldsAreRead()
    {
        var text = ConfigTexts.InsertAfter(ConfigTexts.UpstreamExample, "  ctf_B_factor: 60.0", """
              chromatic_aberration: null
              mtf_reference: mtf.star
              mtf_values: [1.0, 0.9, 0.5]
              beam_tilt_x: 0.1
              odd_zernikes: {Z31c: 0.5, Z33s: -0.25}
              even_zernikes:
                Z60: 1.5
              mag_matrix: [1.01, 0.0, 0.0, 0.99]
            """);
        var o = MatchTemplateConfig.Parse(text).Settings.OpticsGroup;
        Assert.Null(o.ChromaticAberration);
        Assert.Equal("mtf.star", o.MtfReference);
        Assert.Equal([1.0, 0.9, 0.5], o.MtfValues!);
        Assert.Equal(0.1, o.BeamTiltX);
        Assert.Null(o.BeamTiltY);
        Assert.Equal(-0.25, o.OddZernikes!["Z33s"]);
        Assert.Equal(1.5, o.EvenZernikes!["Z60"]);
        Assert.Equal([1.01, 0.0, 0.0, 0.99], o.MagMatrix!);
    }

    [Fact]
    public void AnchorsAliasesAndMergeKeysWork()
    {
        var text = ConfigTexts.WithOrientationBlock("""
            coarse: &coarse
              psi_step: 4
              theta_step: 4
            orientation_search_config:
              orientation_configs:
              - *coarse
              - <<: *coarse
                psi_step: 2
            """);
        var e = Assert.Throws<ConfigException>(() => MatchTemplateConfig.Parse(text));
        Assert.Contains("Unknown key 'coarse' at the top level", Assert.Single(e.Errors).Message);

        // The same, with the anchor defined inside a known block.
        text = text.Replace("coarse: &coarse\n  psi_step: 4\n  theta_step: 4\n", "", StringComparison.Ordinal)
            .Replace("- *coarse\n", "- &coarse\n    psi_step: 4\n    theta_step: 4\n", StringComparison.Ordinal);
        var spec = Assert.IsType<MultipleOrientationConfig>(MatchTemplateConfig.Parse(text).Settings.OrientationSearchConfig);
        Assert.Equal(new OrientationSearchConfig { PsiStep = 4, ThetaStep = 4 }, spec.OrientationConfigs[0]);
        Assert.Equal(new OrientationSearchConfig { PsiStep = 2, ThetaStep = 4 }, spec.OrientationConfigs[1]);
    }
}
