using LeopardEm.Config;
using LeopardEm.Settings;

namespace LeopardEm.Tests.Config;

/// <summary>Every form of computational_config.gpu_ids Leopard-EM accepts.</summary>
public class GpuIdsYamlTests
{
    private static string WithGpuIds(string value)
    {
        var text = ConfigTexts.UpstreamExample;
        var start = text.IndexOf("computational_config:", StringComparison.Ordinal);
        return text[..start] + "computational_config:\n  gpu_ids: " + value + "\n";
    }

    private static GpuIds Parse(string value) =>
        MatchTemplateConfig.Parse(WithGpuIds(value)).Settings.ComputationalConfig.GpuIds;

    public static TheoryData<string, GpuIds> Forms => new()
    {
        { "0", GpuIds.FromIndex(0) },
        { "3", GpuIds.FromIndex(3) },
        { "[0]", GpuIds.FromIndices(0) },
        { "[0, 2]", GpuIds.FromIndices(0, 2) },
        { "\n  - 1\n  - 2", GpuIds.FromIndices(1, 2) },
        { "all", GpuIds.All },
        { "\"all\"", GpuIds.All },
        { "cpu", GpuIds.Cpu },
        { "cuda:1", GpuIds.FromDevice("cuda:1") },
        { "[cpu, cpu]", GpuIds.FromDevices("cpu", "cpu") },
        { "['cuda:0', 'cuda:1']", GpuIds.FromDevices("cuda:0", "cuda:1") },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void FormIsRead(string yaml, GpuIds expected) => Assert.Equal(expected, Parse(yaml));

    [Fact]
    public void AbsentMeansListOfZero()
    {
        var text = ConfigTexts.ReplaceLine(ConfigTexts.UpstreamExample, "  gpu_ids:", "");
        text = ConfigTexts.ReplaceLine(text, "  - 0", "");
        Assert.Equal(GpuIds.FromIndices(0), MatchTemplateConfig.Parse(text).Settings.ComputationalConfig.GpuIds);
    }

    [Theory]
    [InlineData("-1", "computational_config.gpu_ids must be greater than or equal to 0, got -1")]
    [InlineData("[-1]", "computational_config.gpu_ids[0] must be greater than or equal to 0, got -1")]
    [InlineData("[]", "computational_config.gpu_ids must contain at least one entry")]
    [InlineData("null", "computational_config.gpu_ids at line")]
    [InlineData("[0, cpu]", "only integers or only device strings")]
    [InlineData("gpu", "unknown device 'gpu'")]
    [InlineData("{a: 1}", "expected an integer, a device string")]
    public void InvalidFormsAreRejected(string yaml, string wording)
    {
        var e = Assert.Throws<ConfigException>(() => Parse(yaml));
        Assert.Contains(wording, e.Message);
        Assert.NotNull(e.Line);
    }

    [Fact]
    public void BackendIsRead()
    {
        var text = WithGpuIds("0") + "  backend: batched\n";
        Assert.Equal(CorrelationScheduling.Batched,
            MatchTemplateConfig.Parse(text).Settings.ComputationalConfig.Backend);
    }
}
