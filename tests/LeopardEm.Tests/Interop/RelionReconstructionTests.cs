using LeopardEm.Demo;
using LeopardEm.Interop;
using LeopardEm.Io;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.TestData;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Interop;

/// <summary>
/// The end-to-end check of the RELION export: particles planted in a synthetic micrograph (the demo's template and
/// generator), exported as RELION would pick them (coordinates, angles, absolute defocus), extracted into a stack and
/// reconstructed by <c>relion_reconstruct --ctf</c>, give back the template.
/// </summary>
public sealed class RelionReconstructionTests(ITestOutputHelper log) : IDisposable
{
    // 10 Å at 1.5 Å/px: what 100 particles at the demo's signal-to-noise ratio recover well. A wrong angle convention
    // (the transposed rotation) gives about 0.55 there, a wrong contrast a negative correlation.
    private const double CutoffCyclesPerPixel = 0.15;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RelionFact]
    public void Relion_reconstructs_the_template_from_our_extracted_particles()
    {
        var scenario = DemoScenario.Create(new DemoScenarioOptions
        {
            ImageSize = 800,
            ParticleCount = 100,
            SignalToNoise = 40,
            Noise = SyntheticNoise.White,
        });
        var optics = scenario.Settings.OpticsGroup;
        var box = scenario.Options.TemplateSize;
        ParticleRecord[] picked =
        [
            .. scenario.Particles.Select(p => new ParticleRecord
            {
                MicrographPath = "micrograph.mrc",
                X = p.X,
                Y = p.Y,
                Orientation = p.Orientation,
                DefocusU = optics.DefocusU + p.RelativeDefocus,
                DefocusV = optics.DefocusV + p.RelativeDefocus,
                AstigmatismAngle = optics.AstigmatismAngle,
                FigureOfMerit = p.SignalToNoise,
            }),
        ];

        var extracted = ParticleExtraction.ExtractToStack(
            picked, _ => scenario.Micrograph, new ExtractionOptions { BoxSize = box }, _dir.File("particles.mrcs"), "particles.mrcs",
            optics.PixelSize, overwrite: false);
        var set = new ParticleSet([ParticleSets.Optics(imageSize: box, pixelSize: optics.PixelSize)], extracted, "snr");
        RelionParticleStar.Write(_dir.File("particles.star"), set, overwrite: false);
        RelionPrograms.Run(_dir.Path, "relion_reconstruct", "--i", "particles.star", "--o", "reconstruction.mrc", "--ctf");

        var reconstruction = MrcReader.ReadVolume(_dir.File("reconstruction.mrc"), out var header);
        Assert.Equal((box, box, box), (header.Nx, header.Ny, header.Nz));
        Assert.Equal((float)optics.PixelSize, header.VoxelSize.X, 1e-4f);
        var correlation = Correlation.Pearson(
            ReferenceImages.LowPass(reconstruction, CutoffCyclesPerPixel), ReferenceImages.LowPass(scenario.Template, CutoffCyclesPerPixel));
        log.WriteLine($"correlation with the template at 10 Å: {correlation:F4}");
        Assert.True(correlation >= 0.8, $"RELION's reconstruction correlates {correlation:F3} with the template (10 Å), expected ≥ 0.8");
    }
}
