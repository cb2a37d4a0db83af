using LeopardEm.Demo;
using LeopardEm.Programs;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Demo;

/// <summary>The demo's refine step brings every found off-grid particle closer to what was planted.</summary>
public sealed class DemoRefinementTests
{
    [Fact]
    public void Refinement_reduces_angular_and_defocus_errors_and_never_lowers_the_z_score()
    {
        using var directory = new TempDirectory();
        var scenario = DemoScenario.Create(DemoScenarioOptions.Small, "refine");
        scenario.WriteInputs(directory.Path, overwrite: false);
        using var job = MatchTemplateJob.Prepare(scenario.Settings, directory.Path, new MatchTemplateOptions());
        var outcome = job.Run(null, CancellationToken.None);
        var found = FoundParticle.FromSearch(outcome.Peaks, outcome.Maps, scenario.Options.TemplateSize);
        var report = ParticleMatcher.Match(scenario.Particles, found);
        Assert.True(report.AllFound);

        using var refine = DemoRefinement.Prepare(scenario, outcome, threads: 0);
        var refined = DemoRefinement.Compare(report, found, refine.Run(null, CancellationToken.None));

        Assert.Equal(report.Matches.Count, refined.Count);
        var fineStep = scenario.Options.AngularStep / DemoRefinement.Subdivisions;
        foreach (var match in refined)
        {
            Assert.True(match.ZScore >= match.Coarse.Found!.ZScore - 1e-4, $"z {match.Coarse.Found.ZScore} → {match.ZScore}");
            Assert.True(match.AngularError <= fineStep, $"refined angular error {match.AngularError}° above the fine step {fineStep}°");
            Assert.True(match.AngularError <= match.Coarse.AngularError + 1e-6);
            Assert.True(Math.Abs(match.DefocusError) <= scenario.Options.DefocusStep / DemoRefinement.Subdivisions);
        }
    }
}
