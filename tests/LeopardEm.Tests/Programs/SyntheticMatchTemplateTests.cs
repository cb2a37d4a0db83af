using LeopardEm.Demo;
using LeopardEm.Programs;
using LeopardEm.Tests.Io;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Programs;

/// <summary>
/// match_template end to end on synthetic micrographs with a known answer (<see cref="DemoScenario"/>): four copies of
/// the demo template in a 256 x 256 micrograph, two on the search grid and two 5° off it and between defocus planes,
/// searched on a 15° grid with three defocus planes; and a pure-noise micrograph searched the same way.
/// </summary>
public sealed class SyntheticMatchTemplateTests : IClassFixture<SyntheticMatchTemplateTests.Runs>
{
    private static readonly DemoScenarioOptions Options = DemoScenarioOptions.Small with { AngularStep = 15 };
    private readonly Runs _runs;
    private readonly ITestOutputHelper _log;

    public SyntheticMatchTemplateTests(Runs runs, ITestOutputHelper log)
    {
        _runs = runs;
        _log = log;
    }

    [Fact]
    public void Every_planted_particle_is_found_at_its_position_orientation_and_defocus()
    {
        var report = _runs.Particles;
        foreach (var match in report.Matches)
        {
            _log.WriteLine(
                $"planted ({match.Planted.X}, {match.Planted.Y}): found {match.IsFound}, z {match.Found?.ZScore:F2}, position error " +
                $"{match.PositionError:F1} px, angular error {match.AngularError:F1}°, defocus error {match.DefocusError:F0} Å");
        }

        Assert.True(report.AllFound, $"{report.FoundCount} of {report.Matches.Count} found");
        Assert.All(report.Matches, m =>
        {
            Assert.True(m.PositionError <= 1, $"position error {m.PositionError} px");
            // The geodesic angle to the best grid orientation; an off-grid copy is step/3 from its nearest one.
            Assert.True(m.AngularError <= Options.AngularStep, $"angular error {m.AngularError}°");
            Assert.True(Math.Abs(m.DefocusError) <= Options.DefocusStep, $"defocus error {m.DefocusError} Å");
        });
    }

    [Fact]
    public void Copies_planted_on_the_grid_are_found_exactly()
    {
        foreach (var match in _runs.Particles.Matches.Where((_, i) => i % 2 == 0))
        {
            Assert.Equal(0, match.PositionError);
            Assert.True(match.AngularError < 1e-3, $"angular error {match.AngularError}°");
            Assert.Equal(0, match.DefocusError, 1e-3);
        }
    }

    [Fact]
    public void A_pure_noise_micrograph_has_no_peak_above_the_threshold()
    {
        _log.WriteLine($"threshold {_runs.NoiseThreshold:F2}, highest z {_runs.NoiseMaximum:F2}");
        Assert.Empty(_runs.NoisePeaks);
    }

    /// <summary>Both searches, run once for the class.</summary>
    public sealed class Runs : IDisposable
    {
        private readonly TempDirectory _directory = new();

        public Runs()
        {
            var withParticles = Search(DemoScenario.Create(Options, "particles"));
            Particles = ParticleMatcher.Match(withParticles.Scenario.Particles, withParticles.Found);
            var noise = Search(DemoScenario.Create(Options with { ParticleCount = 0 }, "noise"));
            NoisePeaks = noise.Found;
            NoiseThreshold = noise.Outcome.Threshold;
            NoiseMaximum = noise.Outcome.Maps.ScaledMip.Data.Max();
        }

        public RecoveryReport Particles { get; }

        public IReadOnlyList<FoundParticle> NoisePeaks { get; }

        public double NoiseThreshold { get; }

        public float NoiseMaximum { get; }

        public void Dispose() => _directory.Dispose();

        private (DemoScenario Scenario, MatchTemplateOutcome Outcome, IReadOnlyList<FoundParticle> Found) Search(DemoScenario scenario)
        {
            scenario.WriteInputs(_directory.Path, overwrite: false);
            using var job = MatchTemplateJob.Prepare(scenario.Settings, _directory.Path, new MatchTemplateOptions());
            var outcome = job.Run(null, CancellationToken.None);
            return (scenario, outcome, FoundParticle.FromSearch(outcome.Peaks, outcome.Maps, Options.TemplateSize));
        }
    }
}
