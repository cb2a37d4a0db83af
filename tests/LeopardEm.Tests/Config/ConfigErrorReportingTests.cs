using LeopardEm.Config;

namespace LeopardEm.Tests.Config;

/// <summary>Errors name the key and the line; computational_config extras are warnings.</summary>
public class ConfigErrorReportingTests
{
    private static readonly string Example = ConfigTexts.UpstreamExample;

    private static ConfigException Fails(string text) =>
        Assert.Throws<ConfigException>(() => MatchTemplateConfig.Parse(text, "bad.yaml"));

    [Fact]
    public void UnknownKeyIsAnErrorWithItsLine()
    {
        var text = ConfigTexts.InsertAfter(Example, "  voltage: 300.0", "  foo: 1");
        var e = Fails(text);
        var error = Assert.Single(e.Errors);
        var line = ConfigTexts.LineOf(text, "  foo: 1");
        Assert.Equal(new SourceLocation(line, 3), error.Location);
        Assert.Equal("optics_group.foo", error.KeyPath);
        Assert.StartsWith($"Unknown key 'foo' in optics_group at line {line}, column 3; expected one of: ", error.Message);
        Assert.Contains("amplitude_contrast_ratio", error.Message);
        Assert.Contains("bad.yaml", e.Message);
        Assert.Equal(line, e.Line);
        Assert.Equal(3, e.Column);
        Assert.Equal("optics_group.foo", e.KeyPath);
    }

    [Fact]
    public void UnknownTopLevelKeySuggestsTheClosestName()
    {
        var text = Example.Replace("micrograph_path:", "micrograph_pth:", StringComparison.Ordinal);
        var errors = Fails(text).Errors;
        Assert.Contains(errors, d => d.Message.Contains("Unknown key 'micrograph_pth' at the top level at line 2",
            StringComparison.Ordinal) && d.Message.EndsWith("Did you mean 'micrograph_path'?", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Message.StartsWith("micrograph_path is required", StringComparison.Ordinal));
    }

    [Fact]
    public void StaleUpstreamZernikeKeysAreRejectedWithTheirLines()
    {
        var text = ConfigTexts.InsertAfter(Example, "  ctf_B_factor: 60.0",
            "  even_zernike: null\n  odd_zernike: null\n  zernike_moments: null");
        var errors = Fails(text).Errors;
        Assert.Equal(3, errors.Count);
        Assert.Equal(ConfigTexts.LineOf(text, "  even_zernike: null"), errors[0].Location!.Value.Line);
        Assert.Contains("Unknown key 'even_zernike' in optics_group", errors[0].Message);
        Assert.Contains("Did you mean 'even_zernikes'?", errors[0].Message);
        Assert.Contains("Did you mean 'odd_zernikes'?", errors[1].Message);
        Assert.Contains("Unknown key 'zernike_moments'", errors[2].Message);
        Assert.Equal(ConfigTexts.LineOf(text, "  zernike_moments: null"), errors[2].Location!.Value.Line);
    }

    [Fact]
    public void UnknownKeyInComputationalConfigIsOnlyAWarning()
    {
        var text = ConfigTexts.InsertAfter(Example, "  num_cpus: 1", "  num_gpus: 2");
        var result = MatchTemplateConfig.Parse(text, "ok.yaml");
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("computational_config.num_gpus", warning.KeyPath);
        Assert.Equal(ConfigTexts.LineOf(text, "  num_gpus: 2"), warning.Location!.Value.Line);
        Assert.Contains("Ignored unknown key 'num_gpus' in computational_config", warning.Message);
        Assert.Contains("Did you mean 'num_cpus'?", warning.Message);
    }

    [Fact]
    public void UpstreamRejectsNothingElseSilently()
    {
        // Unknown keys deep inside filters are errors too.
        var text = ConfigTexts.InsertAfter(Example, "    max_freq: 0.5", "    max_frequency: 0.4");
        var error = Assert.Single(Fails(text).Errors);
        Assert.Equal("preprocessing_filters.whitening_filter.max_frequency", error.KeyPath);
    }

    [Fact]
    public void TypeErrorNamesTheKeyAndLine()
    {
        var text = ConfigTexts.ReplaceLine(Example, "  voltage: 300.0", "  voltage: abc");
        var error = Assert.Single(Fails(text).Errors);
        var line = ConfigTexts.LineOf(text, "  voltage: abc");
        Assert.Equal($"optics_group.voltage at line {line}, column 12: expected a number, got 'abc'", error.Message);
    }

    [Theory]
    [InlineData("  enabled: maybe", "defocus_search_config.enabled", "expected true or false, got 'maybe'")]
    [InlineData("  enabled: [1]", "defocus_search_config.enabled", "expected true or false, got a list")]
    [InlineData("  enabled:", "defocus_search_config.enabled", "expected true or false, got null")]
    public void OtherTypeErrors(string replacement, string keyPath, string wording)
    {
        var text = ConfigTexts.ReplaceLine(Example, "  enabled: true", replacement);
        var error = Assert.Single(Fails(text).Errors);
        Assert.Equal(keyPath, error.KeyPath);
        Assert.Contains(wording, error.Message);
    }

    [Fact]
    public void NumCpusMustBeAnInteger()
    {
        var text = ConfigTexts.ReplaceLine(Example, "  num_cpus: 1", "  num_cpus: 1.5");
        Assert.Contains("expected an integer, got '1.5'", Assert.Single(Fails(text).Errors).Message);
    }

    [Fact]
    public void MissingRequiredKeyIsNamedWithItsBlock()
    {
        var text = ConfigTexts.ReplaceLine(Example, "  defocus_u: 5200.0", "");
        var error = Assert.Single(Fails(text).Errors);
        Assert.Equal("optics_group.defocus_u", error.KeyPath);
        Assert.Equal("optics_group.defocus_u is required (block starts at line 14, column 3)", error.Message);
    }

    [Fact]
    public void MissingRequiredBlockIsNamed()
    {
        var start = Example.IndexOf("defocus_search_config:", StringComparison.Ordinal);
        var end = Example.IndexOf("orientation_search_config:", StringComparison.Ordinal);
        var error = Assert.Single(Fails(Example[..start] + Example[end..]).Errors);
        Assert.Equal("defocus_search_config is required (the top-level mapping starts at line 1, column 1)",
            error.Message);
    }

    [Fact]
    public void EveryErrorIsReportedInFileOrder()
    {
        var text = ConfigTexts.ReplaceLine(Example, "  voltage: 300.0", "  voltage: high");
        text = ConfigTexts.ReplaceLine(text, "  mip_path: /some/path/to/output_mip.mrc", "  mip_pth: x");
        var e = Fails(text);
        Assert.Equal(3, e.Errors.Count); // unknown mip_pth, missing mip_path, bad voltage
        Assert.True(e.Errors.Select(d => d.Location!.Value.Line).SequenceEqual(
            e.Errors.Select(d => d.Location!.Value.Line).Order()));
        Assert.Contains("3 errors", e.Message);
    }

    [Fact]
    public void ValidationErrorsPointAtTheOffendingKey()
    {
        var text = ConfigTexts.ReplaceLine(Example, "  amplitude_contrast_ratio: 0.07", "  amplitude_contrast_ratio: 1.5");
        var error = Assert.Single(Fails(text).Errors);
        var line = ConfigTexts.LineOf(text, "  amplitude_contrast_ratio: 1.5");
        Assert.Equal($"optics_group.amplitude_contrast_ratio must be between 0 and 1, got 1.5 (at line {line}, column 3)",
            error.Message);
        Assert.Equal(line, error.Location!.Value.Line);
    }

    [Fact]
    public void CrossFieldErrorOnDefaultedKeyPointsAtTheBlock()
    {
        var text = ConfigTexts.ReplaceLine(Example, "  symmetry: C1", "  phi_max: 180");
        var error = Assert.Single(Fails(text).Errors);
        Assert.Equal("orientation_search_config.symmetry", error.KeyPath);
        Assert.Equal(ConfigTexts.LineOf(text, "orientation_search_config:"), error.Location!.Value.Line);
    }

    [Fact]
    public void ZeroStepIsRejectedAtLoad()
    {
        var text = ConfigTexts.ReplaceLine(Example, "  psi_step: 1.5", "  psi_step: 0");
        var error = Assert.Single(Fails(text).Errors);
        Assert.Contains("orientation_search_config.psi_step must be greater than 0, got 0", error.Message);
    }

    [Fact]
    public void BadEnumValueListsTheChoices()
    {
        var text = ConfigTexts.ReplaceLine(Example, "  base_grid_method: uniform", "  base_grid_method: Uniform");
        Assert.Contains("expected one of: uniform, healpix, cartesian, got 'Uniform'",
            Assert.Single(Fails(text).Errors).Message);
    }

    [Fact]
    public void BlockThatIsNotAMappingIsAnError()
    {
        var start = Example.IndexOf("computational_config:", StringComparison.Ordinal);
        var error = Assert.Single(Fails(Example[..start] + "computational_config: 4\n").Errors);
        Assert.Contains("computational_config at line", error.Message);
        Assert.Contains("expected a mapping", error.Message);
    }

    [Fact]
    public void YamlSyntaxErrorHasALine()
    {
        var error = Assert.Single(Fails("a: 1\nb: 'open\n").Errors);
        Assert.StartsWith("YAML syntax error at line", error.Message);
        Assert.NotNull(error.Location);
    }

    [Fact]
    public void ParserCrashIsStillASyntaxError() =>
        Assert.StartsWith("YAML syntax error", Assert.Single(Fails("a: [1, 2\nb: 3\n").Errors).Message);

    [Fact]
    public void DuplicateKeyIsAnError()
    {
        var text = ConfigTexts.InsertAfter(Example, "  voltage: 300.0", "  voltage: 200.0");
        var error = Assert.Single(Fails(text).Errors);
        Assert.Contains("voltage", error.Message);
        Assert.NotNull(error.Location);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing\n")]
    public void EmptyFileIsAnError(string text) =>
        Assert.Contains("empty", Assert.Single(Fails(text).Errors).Message);

    [Fact]
    public void TopLevelListIsAnError() =>
        Assert.Contains("expected a mapping", Assert.Single(Fails("- a\n- b\n").Errors).Message);

    [Fact]
    public void MissingFileIsAConfigException()
    {
        var e = Assert.Throws<ConfigException>(() => MatchTemplateConfig.Load("/no/such/config.yaml"));
        Assert.Contains("/no/such/config.yaml", e.Message);
    }

    [Fact]
    public void PathProblemsFoundLaterPointAtTheirLines()
    {
        var result = MatchTemplateConfig.Parse(Example, "example.yaml");
        var problems = LeopardEm.Settings.MatchTemplatePaths.Check(result.Settings, "/");
        var e = result.ToException(problems);
        var micrograph = Assert.Single(e.Errors, d => d.KeyPath == "micrograph_path");
        Assert.Equal(2, micrograph.Location!.Value.Line);
        Assert.Contains("for micrograph does not exist.", micrograph.Message);
        Assert.Equal(new SourceLocation(15, 3), result.Locate("optics_group.voltage"));
        Assert.Equal(new SourceLocation(13, 1), result.Locate("optics_group.mag_matrix"));
    }
}
