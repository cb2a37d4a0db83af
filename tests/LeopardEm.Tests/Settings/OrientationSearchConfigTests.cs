using LeopardEm.Orientations;
using LeopardEm.Settings;

namespace LeopardEm.Tests.Settings;

/// <summary>Upstream tests/pydantic_models/test_orientation_search.py (validation part) and §6.4 ranges.</summary>
public class OrientationSearchConfigTests
{
    [Fact]
    public void DefaultsMatchLeopardEm()
    {
        var config = new OrientationSearchConfig();
        Assert.Equal(1.5, config.PsiStep);
        Assert.Equal(2.5, config.ThetaStep);
        Assert.Null(config.PhiMin);
        Assert.Null(config.PhiMax);
        Assert.Null(config.ThetaMin);
        Assert.Null(config.ThetaMax);
        Assert.Null(config.PsiMin);
        Assert.Null(config.PsiMax);
        Assert.Equal("C1", config.Symmetry);
        Assert.Equal(BaseGridMethod.Uniform, config.BaseGridMethod);
        Assert.Empty(config.Validate());
        Assert.Equal([config], config.Searches);
    }

    [Fact]
    public void SymmetryAndRangesTogetherAreAnError()
    {
        var problem = Assert.Single(new OrientationSearchConfig { PhiMax = 180 }.Validate());
        Assert.Equal("orientation_search_config.symmetry", problem.KeyPath);
        Assert.Contains("angle ranges are also set (phi_max)", problem.Message);
        Assert.Contains("symmetry: null", problem.Message);
    }

    [Fact]
    public void NoSymmetryAndNoRangesIsAnError()
    {
        var problem = Assert.Single(new OrientationSearchConfig { Symmetry = null }.Validate());
        Assert.Contains("either a symmetry group must be provided", problem.Message);
    }

    [Fact]
    public void NullSymmetryWithOneRangeIsValid()
    {
        var config = new OrientationSearchConfig { Symmetry = null, ThetaMax = 90 };
        Assert.Empty(config.Validate());
        Assert.Equal(new AngleRanges(0, 360, 0, 90, 0, 360), config.ToSampling().ResolveRanges());
    }

    [Theory]
    [InlineData("C2v", "Invalid symmetry format: C2v")]
    [InlineData("2C", "Invalid symmetry format: 2C")]
    [InlineData("X3", "not recognized")]
    [InlineData("C0", "positive integer")]
    [InlineData("", "is empty")]
    public void BadSymmetryIsRejected(string symmetry, string wording)
    {
        var problem = Assert.Single(new OrientationSearchConfig { Symmetry = symmetry }.Validate());
        Assert.Equal("orientation_search_config.symmetry", problem.KeyPath);
        Assert.Contains(wording, problem.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.5)]
    public void NonPositiveStepsAreRejectedWithAReason(double step)
    {
        var problems = new OrientationSearchConfig { PsiStep = step, ThetaStep = step }.Validate();
        Assert.Equal(2, problems.Count);
        Assert.Equal("orientation_search_config.psi_step", problems[0].KeyPath);
        Assert.Equal("orientation_search_config.theta_step", problems[1].KeyPath);
        Assert.Contains("cannot generate an orientation grid", problems[0].Message);
    }

    [Theory]
    [InlineData("C1", 360, 180)]
    [InlineData("c2", 180, 180)]
    [InlineData("D7", 360.0 / 7, 90)]
    [InlineData("T", 180, 54.7356)]
    [InlineData("O", 90, 54.7356)]
    [InlineData("I", 180, 31.7)]
    [InlineData("O5", 90, 54.7356)]
    public void SymmetryGivesRanges(string symmetry, double phiMax, double thetaMax) =>
        Assert.Equal(new AngleRanges(0, phiMax, 0, thetaMax, 0, 360),
            new OrientationSearchConfig { Symmetry = symmetry }.ToSampling().ResolveRanges());

    [Fact]
    public void ThetaMinAboveThetaMaxIsAnError()
    {
        var problem = Assert.Single(
            new OrientationSearchConfig { Symmetry = null, ThetaMin = 100, ThetaMax = 50 }.Validate());
        Assert.Equal("orientation_search_config.theta_max", problem.KeyPath);
    }

    [Fact]
    public void MultipleConfigsAreValidatedWithIndexedPaths()
    {
        var multiple = new MultipleOrientationConfig
        {
            OrientationConfigs = [new OrientationSearchConfig(), new OrientationSearchConfig { Symmetry = "C2v" }],
        };
        var problem = Assert.Single(multiple.Validate());
        Assert.Equal("orientation_search_config.orientation_configs[1].symmetry", problem.KeyPath);
        Assert.Equal(2, multiple.Searches.Count);
    }

    [Fact]
    public void EmptyMultipleConfigIsAnError() =>
        Assert.Single(new MultipleOrientationConfig { OrientationConfigs = [] }.Validate());

    [Fact]
    public void C2SymmetryCounts793920Orientations()
    {
        var config = new OrientationSearchConfig { Symmetry = "C2" };
        Assert.Equal(793_920L, config.CountOrientations());
        Assert.Equal(OrientationGrid.Count(new OrientationSampling { Symmetry = "C2" }), config.CountOrientations());
    }

    [Fact]
    public void ToSamplingCopiesEveryField()
    {
        var config = new OrientationSearchConfig
        {
            PsiStep = 3,
            ThetaStep = 4,
            PhiMin = 1,
            PhiMax = 2,
            ThetaMin = 5,
            ThetaMax = 6,
            PsiMin = 7,
            PsiMax = 8,
            BaseGridMethod = BaseGridMethod.Cartesian,
            Symmetry = null,
        };
        var sampling = config.ToSampling();
        var defaults = new OrientationSampling();

        // Every property of the sampling, so that a field added to it later cannot be left unmapped.
        var properties = typeof(OrientationSampling).GetProperties();
        Assert.Equal(10, properties.Length);
        foreach (var property in properties)
        {
            var name = property.Name == nameof(OrientationSampling.BaseGrid)
                ? nameof(OrientationSearchConfig.BaseGridMethod)
                : property.Name;
            var expected = typeof(OrientationSearchConfig).GetProperty(name)!.GetValue(config);
            Assert.Equal(expected, property.GetValue(sampling));
            Assert.NotEqual(property.GetValue(defaults), expected);
        }

        Assert.Equal(defaults, new OrientationSearchConfig().ToSampling());
    }

    [Fact]
    public void MultipleConfigsConcatenateTheirOrientations()
    {
        var first = new OrientationSearchConfig { PsiStep = 90, ThetaStep = 90 };
        var second = new OrientationSearchConfig { PsiStep = 10, ThetaStep = 10, Symmetry = "D2" };
        var multiple = new MultipleOrientationConfig { OrientationConfigs = [first, second] };
        var angles = multiple.GenerateOrientations();
        Assert.Equal([.. first.GenerateOrientations(), .. second.GenerateOrientations()], angles);
        Assert.Equal(angles.Length, multiple.CountOrientations());
        Assert.Equal(first.CountOrientations() + second.CountOrientations(), multiple.CountOrientations());
    }

    [Theory]
    [InlineData("C1", 180.0)]
    [InlineData(null, null)]
    public void InvalidSearchesDoNotGenerate(string? symmetry, double? phiMax)
    {
        // Symmetry with an explicit range, or neither: the settings rule holds before anything is generated, even
        // though OrientationSampling alone would let the symmetry win or fill in the full sphere.
        var config = new OrientationSearchConfig { Symmetry = symmetry, PhiMax = phiMax };
        var e = Assert.Throws<SettingsValidationException>(() => config.GenerateOrientations());
        Assert.Equal("orientation_search_config.symmetry", Assert.Single(e.Problems).KeyPath);
        Assert.Throws<SettingsValidationException>(() => config.CountOrientations());
    }
}
