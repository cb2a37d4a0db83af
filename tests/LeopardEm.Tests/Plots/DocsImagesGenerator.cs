using System.Globalization;
using LeopardEm.Io;
using LeopardEm.Peaks;
using LeopardEm.Plots;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Plots;

/// <summary>
/// Regenerates the example figures of <c>docs/programs/pick.md</c> in <c>docs/images/</c>: (a)–(c) from Leopard-EM's
/// own maps of the golden case (a synthetic micrograph with nine planted particles), (d) from the planted search's
/// refinement. Skipped unless <c>LEOPARD_WRITE_DOCS_IMAGES=1</c>, so ordinary runs never touch the checkout.
/// </summary>
[Collection(PlantedSearch.Collection)]
public sealed class DocsImagesGenerator
{
    private const string Golden = "golden/leopard-em-1/leopard-em-output";
    private readonly PlantedSearch _planted;

    public DocsImagesGenerator(PlantedSearch planted) => _planted = planted;

    [DocsImagesFact(Golden + "/output_scaled_mip.mrc")]
    public void Write_the_example_figures()
    {
        var mip = MrcReader.ReadImage(SharedData.Find(Golden + "/output_mip.mrc")!);
        var z = MrcReader.ReadImage(SharedData.Find(Golden + "/output_scaled_mip.mrc")!);
        // Golden case: 14,832 orientations x 3 defocus planes, 128 px template.
        var options = new PickingOptions { Metric = PickingMetric.PValue, CorrelationsPerPixel = 44_496 };
        var result = ParticlePicker.Pick(mip, z, options);
        var gev = GevThreshold.Compute(z, options.FalsePositives, options.Gev);
        var zCutoff = ZScoreThreshold.FromFalsePositives(1, (long)z.Height * z.Width, 44_496);
        var folder = RepositoryFiles.Path("docs/images");

        File.WriteAllBytes(Path.Combine(folder, "pick-zscore-map.png"), ZScoreMapPlot.Render(z, result.Picks, 128, "z-score map: 9 p-value picks", 600, 560));
        File.WriteAllBytes(Path.Combine(folder, "pick-survival.png"), SurvivalPlot.Render(z.Data, 44_496, gev.Fit, [("z-score cutoff", zCutoff), ("GEV cutoff", gev.Cutoff)], 1.0));
        File.WriteAllBytes(Path.Combine(folder, "pick-zscore-mip-density.png"), DensityPlot.Render(mip, z, result.PValue!, options.PValueCutoff, result.Picks));

        var refined = _planted.Refined.Particles;
        var before = refined.Select(p => p.Source.ZScore).ToList();
        var after = refined.Select(p => (double)p.Refinement.ZScore).ToList();
        File.WriteAllBytes(Path.Combine(folder, "pick-refinement.png"), RefinementPlot.Render(before, after));
    }
}
