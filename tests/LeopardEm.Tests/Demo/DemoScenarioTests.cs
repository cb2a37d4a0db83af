using LeopardEm.Demo;
using LeopardEm.Io;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Demo;

public class DemoScenarioTests
{
    private static readonly DemoScenarioOptions Options = DemoScenarioOptions.Small with { ParticleCount = 6, ImageSize = 320 };
    private static readonly DemoScenario Scenario = DemoScenario.Create(Options, "somewhere/demo");

    [Fact]
    public void The_same_options_give_the_same_scenario()
    {
        var again = DemoScenario.Create(Options, "somewhere/demo");
        Assert.Equal(Scenario.Micrograph.Data, again.Micrograph.Data);
        Assert.Equal(Scenario.Particles, again.Particles);
        Assert.Equal(Scenario.Template.Data, again.Template.Data);
    }

    [Fact]
    public void Even_copies_sit_on_the_search_grid_and_odd_ones_a_third_of_a_step_off_it()
    {
        var planes = Scenario.Settings.DefocusSearchConfig.GetRelativeDefocusValues();
        Assert.Equal([-500f, 0f, 500f], planes);
        for (var i = 0; i < Scenario.Particles.Count; i++)
        {
            var particle = Scenario.Particles[i];
            var distance = Scenario.DistanceToGrid(particle.Orientation);
            if (i % 2 == 0)
            {
                Assert.True(distance < 1e-3, $"copy {i} is {distance}° off the grid");
                Assert.Contains((float)particle.RelativeDefocus, planes);
            }
            else
            {
                // Turned by step/3 from a grid orientation; another grid orientation can only be closer.
                Assert.InRange(distance, 0.1 * Options.AngularStep, Options.AngularStep / 3 + 1e-9);
                Assert.InRange(particle.RelativeDefocus, -Options.DefocusRange, Options.DefocusRange);
            }

            Assert.Equal(Options.SignalToNoise, particle.SignalToNoise);
        }
    }

    [Fact]
    public void Boxes_lie_inside_the_micrograph_and_do_not_overlap()
    {
        var n = Options.TemplateSize;
        foreach (var p in Scenario.Particles)
        {
            Assert.InRange(p.X, n / 2, Options.ImageSize - n / 2);
            Assert.InRange(p.Y, n / 2, Options.ImageSize - n / 2);
            foreach (var q in Scenario.Particles.Where(q => !ReferenceEquals(p, q)))
            {
                Assert.True(Math.Abs(p.X - q.X) >= n || Math.Abs(p.Y - q.Y) >= n, $"({p.X}, {p.Y}) and ({q.X}, {q.Y}) overlap");
            }
        }
    }

    [Fact]
    public void Settings_are_valid_and_every_file_lies_in_the_directory()
    {
        Assert.Empty(Scenario.Settings.Validate());
        Assert.Equal(Options.AngularStep, Scenario.Settings.OrientationSearchConfig.Searches[0].PsiStep);
        Assert.Equal(12, Scenario.Files.Count);
        Assert.All(Scenario.Files, f => Assert.StartsWith("somewhere/demo/", f, StringComparison.Ordinal));
        Assert.Equal(Scenario.Files.Count, Scenario.Files.Distinct().Count());
    }

    [Fact]
    public void Inputs_are_written_with_their_pixel_size()
    {
        using var directory = new TempDirectory();
        Scenario.WriteInputs(directory.Path, overwrite: false);
        var micrograph = MrcReader.ReadImage(Path.Combine(directory.Path, "somewhere/demo/micrograph.mrc"), out var header);
        var template = MrcReader.ReadVolume(Path.Combine(directory.Path, "somewhere/demo/template.mrc"));
        Assert.Equal(Scenario.Micrograph.Data, micrograph.Data);
        Assert.Equal(Scenario.Template.Data, template.Data);
        Assert.Equal(1.5, header.VoxelSize.X, 1e-6);
        Assert.Throws<IOException>(() => Scenario.WriteInputs(directory.Path, overwrite: false));
    }
}
