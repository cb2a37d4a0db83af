using LeopardEm.Config;
using LeopardEm.Demo;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Demo;

public class ExampleConfigurationTests
{
    [Fact]
    public void The_example_configuration_is_the_one_leopard_demo_writes()
    {
        var path = Path.Combine(RepositoryFiles.Root!, "examples", "match_template.yaml");
        var text = File.ReadAllText(path);
        var body = string.Join('\n', text.Split('\n').SkipWhile(line => line.StartsWith('#')));
        var settings = DemoScenario.Create(DemoScenarioOptions.Default).Settings;

        Assert.Equal(MatchTemplateConfig.ToYaml(settings).ReplaceLineEndings("\n"), body.ReplaceLineEndings("\n"));
        var loaded = MatchTemplateConfig.Parse(text, path);
        Assert.Empty(loaded.Warnings);
        Assert.Equal(settings.MicrographPath, loaded.Settings.MicrographPath);
        Assert.Equal("leopard-demo/micrograph.mrc", loaded.Settings.MicrographPath);
    }
}
