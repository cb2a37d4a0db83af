using LeopardEm.Interop;
using LeopardEm.Io;
using LeopardEm.Particles;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Interop;

public class ParticleStackExportTests
{
    private const string Results = "golden/leopard-em-1/leopard-em-output/results.csv";

    [SharedDataFact(Results)]
    public void Leopard_em_results_become_relion_particles_at_the_image_centres_with_absolute_defocus()
    {
        var table = ParticleTableCsv.Read(SharedData.Find(Results)!);
        var stack = new ParticleStack(table, Results);

        var set = ParticleStackExport.ToParticleSet(stack, imageSize: 128);

        var optics = Assert.Single(set.Optics);
        Assert.Equal((300.0, 2.7, 0.07, 1.5, 1.5, 128), (optics.VoltageKv, optics.SphericalAberrationMm, optics.AmplitudeContrast, optics.MicrographPixelSize, optics.ImagePixelSize, optics.ImageSize));
        Assert.Equal("scaled_mip", set.FigureOfMeritName);
        Assert.Equal(table.Rows.Count, set.Particles.Count);
        for (var row = 0; row < table.Rows.Count; row++)
        {
            var particle = set.Particles[row];
            var relative = Convert.ToDouble(table[row, "relative_defocus"]);
            Assert.Equal(Convert.ToDouble(table[row, "pos_x_img"]), particle.X);
            Assert.Equal(Convert.ToDouble(table[row, "pos_y"]) + 64, particle.Y);
            Assert.Equal((Convert.ToDouble(table[row, "phi"]), Convert.ToDouble(table[row, "theta"]), Convert.ToDouble(table[row, "psi"])),
                (particle.Orientation.Phi, particle.Orientation.Theta, particle.Orientation.Psi));
            Assert.Equal((10000 + relative, 9000 + relative, 30.0), (particle.DefocusU, particle.DefocusV, particle.AstigmatismAngle));
            Assert.Equal(Convert.ToDouble(table[row, "scaled_mip"]), particle.FigureOfMerit!.Value, 1e-6);
            Assert.Equal("inputs/micrograph.mrc", particle.MicrographPath);
        }
    }
}
