using LeopardEm.Settings;

namespace LeopardEm.Tests.Settings;

/// <summary>Upstream tests/pydantic_models/test_optics_group.py, plus our stricter checks.</summary>
public class OpticsGroupTests
{
    private static readonly OpticsGroup Valid = SampleSettings.Optics;

    [Fact]
    public void DefaultsMatchLeopardEm()
    {
        Assert.Equal(2.7, Valid.SphericalAberration);
        Assert.Equal(0.07, Valid.AmplitudeContrastRatio);
        Assert.Equal(0.0, Valid.PhaseShift);
        Assert.Equal(0.0, Valid.CtfBFactor);
        Assert.Equal(0.0, Valid.ChromaticAberration);
        Assert.Null(Valid.MtfReference);
        Assert.Null(Valid.MtfValues);
        Assert.Null(Valid.BeamTiltX);
        Assert.Null(Valid.BeamTiltY);
        Assert.Null(Valid.OddZernikes);
        Assert.Null(Valid.EvenZernikes);
        Assert.Null(Valid.MagMatrix);
        Assert.Empty(Valid.Validate());
    }

    public static TheoryData<OpticsGroup, string, string> NegativeValues => new()
    {
        { Valid with { PixelSize = -1 }, "optics_group.pixel_size", "greater than 0" },
        { Valid with { Voltage = -300 }, "optics_group.voltage", "greater than 0" },
        { Valid with { SphericalAberration = -2.7 }, "optics_group.spherical_aberration", "greater than or equal to 0" },
        { Valid with { CtfBFactor = -60 }, "optics_group.ctf_B_factor", "greater than or equal to 0" },
        { Valid with { ChromaticAberration = -1 }, "optics_group.chromatic_aberration", "greater than or equal to 0" },
    };

    [Theory]
    [MemberData(nameof(NegativeValues))]
    public void NegativeValuesAreRejected(OpticsGroup optics, string keyPath, string wording)
    {
        var problem = Assert.Single(optics.Validate());
        Assert.Equal(keyPath, problem.KeyPath);
        Assert.Contains(wording, problem.Message);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    public void AmplitudeContrastOutsideZeroToOneIsRejected(double ratio)
    {
        var problem = Assert.Single((Valid with { AmplitudeContrastRatio = ratio }).Validate());
        Assert.Equal($"optics_group.amplitude_contrast_ratio must be between 0 and 1, got {ratio}", problem.Message);
    }

    [Fact]
    public void ZeroPixelSizeIsRejected() =>
        Assert.Single((Valid with { PixelSize = 0 }).Validate());

    [Fact]
    public void NullChromaticAberrationIsAllowed() =>
        Assert.Empty((Valid with { ChromaticAberration = null }).Validate());

    [Fact]
    public void NonFiniteValuesAreRejected()
    {
        var problem = Assert.Single((Valid with { DefocusU = double.NaN }).Validate());
        Assert.Equal("optics_group.defocus_u must be a finite number, got NaN", problem.Message);
    }

    [Fact]
    public void MagMatrixNeedsFourValues()
    {
        Assert.Empty((Valid with { MagMatrix = [1.0, 0.0, 0.0, 1.0] }).Validate());
        var problem = Assert.Single((Valid with { MagMatrix = [1.0, 0.0, 1.0] }).Validate());
        Assert.Equal("optics_group.mag_matrix", problem.KeyPath);
    }

    [Fact]
    public void ZernikeKeysAreChecked()
    {
        var valid = Valid with
        {
            OddZernikes = new Dictionary<string, double> { ["Z31c"] = 0.1, ["Z33s"] = -0.2 },
            EvenZernikes = new Dictionary<string, double> { ["Z60"] = 0.3 },
        };
        Assert.Empty(valid.Validate());

        var wrong = Valid with { EvenZernikes = new Dictionary<string, double> { ["Z31c"] = 0.1 } };
        var problem = Assert.Single(wrong.Validate());
        Assert.Equal("optics_group.even_zernikes.Z31c", problem.KeyPath);
        Assert.Contains("Z44c, Z44s, Z60", problem.Message);
    }

    [Fact]
    public void ProblemsUseTheGivenKeyPath()
    {
        var problem = Assert.Single((Valid with { Voltage = -1 }).Validate("refine.optics_group"));
        Assert.Equal("refine.optics_group.voltage", problem.KeyPath);
    }

    [Fact]
    public void RecordsWithEqualListsAreEqual()
    {
        var a = Valid with { MtfValues = [1.0, 0.5] };
        var b = Valid with { MtfValues = [1.0, 0.5] };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Valid with { MtfValues = [1.0, 0.6] });
    }
}
