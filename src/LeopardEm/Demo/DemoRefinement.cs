using LeopardEm.Programs;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Demo;

/// <summary>
/// The demo's second step: refine_template on the particles the coarse search found, over ± one coarse step in
/// <see cref="Subdivisions"/> fine steps per side (orientation and defocus), then the planted-vs-refined errors.
/// </summary>
public static class DemoRefinement
{
    /// <summary>Fine steps per coarse step.</summary>
    public const int Subdivisions = 4;

    /// <summary>Pixels added on each side of the template for the box cut around each particle.</summary>
    public const int BoxMargin = 8;

    /// <summary>Prepares the refinement of every particle of <paramref name="outcome"/> (run it with
    /// <see cref="RefineTemplateJob.Run"/>).</summary>
    /// <param name="scenario">The demo scenario the search ran on.</param>
    /// <param name="outcome">The coarse search's outcome.</param>
    /// <param name="threads">Worker threads; 0 = one per processor.</param>
    public static RefineTemplateJob Prepare(DemoScenario scenario, MatchTemplateOutcome outcome, int threads)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(outcome);
        var size = scenario.Options.TemplateSize;
        var settings = RefineTemplateSettings.ForMatchTemplate(
            scenario.Settings, scenario.ParticleTablePath, size, size + 2 * BoxMargin, Subdivisions);
        return RefineTemplateJob.FromMatchTemplate(
            settings, scenario.Micrograph, scenario.Template, outcome, new RefineTemplateOptions { Threads = threads });
    }

    /// <summary>Pairs each found planted particle with its refinement. Refinements are in the order of the search's
    /// peaks, which is the order of <paramref name="found"/>.</summary>
    /// <param name="report">Planted vs found after the coarse search.</param>
    /// <param name="found">The particles the coarse search reported, in peak order.</param>
    /// <param name="refined">The refine run's outcome.</param>
    public static IReadOnlyList<RefinedMatch> Compare(RecoveryReport report, IReadOnlyList<FoundParticle> found, RefineTemplateOutcome refined)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(refined);
        return [.. report.Matches
            .Where(m => m.Found is not null)
            .Select(m => new RefinedMatch(m, refined.Particles[IndexOf(found, m.Found!)].Refinement))];
    }

    // Records compare by value; the pairing must be by identity with the peak the match was built from.
    private static int IndexOf(IReadOnlyList<FoundParticle> found, FoundParticle particle)
    {
        for (var i = 0; i < found.Count; i++)
        {
            if (ReferenceEquals(found[i], particle))
            {
                return i;
            }
        }

        throw new ArgumentException("The match's particle is not among the found particles.", nameof(particle));
    }
}
