using LeopardEm.Imaging;
using LeopardEm.Interop;
using LeopardEm.Io;
using LeopardEm.Orientations;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Interop;

/// <summary>Our particle, coordinate and CTF files against RELION's own readers and writers.</summary>
public sealed class RelionFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RelionFact]
    public void Relion_reads_our_particles_and_its_rewrite_reads_back_as_the_same_particles()
    {
        var set = ParticleSets.Mixed();
        RelionParticleStar.Write(_dir.File("ours.star"), set, overwrite: false);

        RelionPrograms.Run(_dir.Path, "relion_star_handler", "--i", "ours.star", "--o", "theirs.star");
        var ours = RelionParticleStar.Read(_dir.File("ours.star"));
        var theirs = RelionParticleStar.Read(_dir.File("theirs.star"));

        Assert.Equal(ours.Optics, theirs.Optics);
        // RELION drops comments, so the score keeps only its column name; numbers come back with 6 decimals.
        Assert.Equal("rlnAutopickFigureOfMerit", theirs.FigureOfMeritName);
        Assert.Equal(ours.Particles.Count, theirs.Particles.Count);
        for (var i = 0; i < ours.Particles.Count; i++)
        {
            var (a, b) = (ours.Particles[i], theirs.Particles[i]);
            Assert.Equal((a.MicrographPath, a.OpticsGroup, a.ImageName), (b.MicrographPath, b.OpticsGroup, b.ImageName));
            double[] expected = [a.X, a.Y, a.Orientation.Phi, a.Orientation.Theta, a.Orientation.Psi, a.DefocusU, a.DefocusV, a.AstigmatismAngle, a.PhaseShift, a.FigureOfMerit!.Value];
            double[] actual = [b.X, b.Y, b.Orientation.Phi, b.Orientation.Theta, b.Orientation.Psi, b.DefocusU, b.DefocusV, b.AstigmatismAngle, b.PhaseShift, b.FigureOfMerit!.Value];
            for (var k = 0; k < expected.Length; k++)
            {
                Assert.Equal(expected[k], actual[k], 1e-6);
            }
        }
    }

    [RelionFact]
    public void Our_extraction_matches_relion_preprocess_pixel_for_pixel()
    {
        const int box = 32;
        var micrograph = NoisyRamp(160, 200, seed: 3);
        Directory.CreateDirectory(_dir.File("mic"));
        MrcWriter.Write(_dir.File("mic/m1.mrc"), micrograph, overwrite: false, new MrcWriteOptions { VoxelSize = new System.Numerics.Vector3(1.5f) });
        // Inside, fractional, and partly outside on every edge.
        (double X, double Y)[] centres = [(100, 80), (50.7, 40.2), (3, 5), (197, 158), (0, 120), (150, 0)];
        WriteRelionInputs(centres);

        RelionPrograms.Run(_dir.Path, "relion_preprocess",
            "--i", "micrographs.star", "--coord_dir", "./", "--coord_suffix", "_pick.star", "--part_star", "extracted.star",
            "--part_dir", "Particles/", "--extract", "--extract_size", "32", "--norm", "--bg_radius", "12", "--invert_contrast");
        var theirs = MrcReader.ReadStack(_dir.File("Particles/mic/m1.mrcs"));

        var options = new ExtractionOptions { BoxSize = box };
        Assert.Equal(12, options.EffectiveBackgroundRadius);
        Assert.Equal(centres.Length, theirs.Length);
        for (var i = 0; i < centres.Length; i++)
        {
            var ours = ParticleExtraction.Extract(micrograph, centres[i].X, centres[i].Y, options);
            var largest = ours.Data.Zip(theirs[i].Data, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(largest < 1e-4, $"particle {i} at ({centres[i].X}, {centres[i].Y}): largest difference {largest}");
        }
    }

    [RelionFact]
    public void Relion_imports_ctffind_results_as_we_do()
    {
        // Two micrographs, the second with defocus 1 < defocus 2 and a phase shift; RELION reads CTFFIND's results
        // through the log file that points at them.
        var estimates = new[]
        {
            ("m1", CtfFileTexts.Ctffind41),
            ("m2", CtfFileTexts.Ctffind41.Replace("10588.083984 9956.687500 -44.710212 0.523599", "8000.5 9000.25 100.5 1.5", StringComparison.Ordinal)),
        };
        Directory.CreateDirectory(_dir.File("CtfFind/mic"));
        var micrographs = new StarTable(["rlnMicrographName", "rlnOpticsGroup"]);
        foreach (var (name, text) in estimates)
        {
            File.WriteAllText(_dir.File($"CtfFind/mic/{name}.txt"), text);
            File.WriteAllText(_dir.File($"CtfFind/mic/{name}_ctffind4.log"), $"...\nSummary of results                          : CtfFind/mic/{name}.txt\n");
            micrographs.AddRow([$"mic/{name}.mrc", "1"]);
        }

        WriteMicrographStar(micrographs);
        RelionPrograms.Run(_dir.Path, "relion_run_ctffind",
            "--i", "micrographs.star", "--o", "CtfFind/", "--only_make_star", "--is_ctffind4", "--do_phaseshift",
            "--CS", "2.7", "--HT", "300", "--AmpCnst", "0.07", "--angpix", "1.5");
        var relion = RelionCtfStarReader.Read(_dir.File("CtfFind/micrographs_ctf.star"));

        Assert.Equal(2, relion.Count);
        for (var i = 0; i < estimates.Length; i++)
        {
            var ctffind = Assert.Single(CtffindOutputReader.Parse(estimates[i].Item2));
            Assert.Equal($"mic/{estimates[i].Item1}.mrc", relion[i].MicrographName);
            Assert.Equal(ctffind.DefocusU, relion[i].DefocusU, 1e-3);
            Assert.Equal(ctffind.DefocusV, relion[i].DefocusV, 1e-3);
            Assert.Equal(ctffind.AstigmatismAngle, relion[i].AstigmatismAngle, 1e-3);
            Assert.Equal(ctffind.PhaseShift, relion[i].PhaseShift, 1e-3);
        }

        // Defocus 1 (8000.5 Å along 100.5°) is the smaller: the larger, 9000.25 Å, lies along 190.5° = −169.5°.
        Assert.Equal(9000.25, relion[1].DefocusU, 1e-3);
        Assert.Equal(8000.5, relion[1].DefocusV, 1e-3);
        Assert.Equal(-169.5, relion[1].AstigmatismAngle, 1e-3);
        Assert.Equal(1.5 * 180 / Math.PI, relion[1].PhaseShift, 1e-3);
    }

    private static Image2D NoisyRamp(int height, int width, int seed)
    {
        var random = new Random(seed);
        var image = new Image2D(height, width);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[y, x] = (float)(random.NextDouble() * 4 + 0.05 * x - 0.03 * y + 100);
            }
        }

        return image;
    }

    private void WriteRelionInputs((double X, double Y)[] centres)
    {
        var micrographs = new StarTable(["rlnMicrographName", "rlnOpticsGroup", "rlnDefocusU", "rlnDefocusV", "rlnDefocusAngle"]);
        micrographs.AddRow(["mic/m1.mrc", "1", "10000", "9000", "30"]);
        WriteMicrographStar(micrographs);

        var coordinates = new StarTable(["rlnCoordinateX", "rlnCoordinateY"]);
        foreach (var (x, y) in centres)
        {
            coordinates.AddRow([StarWriter.Number(x), StarWriter.Number(y)]);
        }

        var document = new StarDocument();
        var block = new StarBlock("");
        block.AddTable(coordinates);
        document.AddBlock(block);
        StarWriter.Write(_dir.File("mic/m1_pick.star"), document, overwrite: false);
    }

    // A RELION 3.1 micrograph list with one optics group (1.5 Å/px, 300 kV).
    private void WriteMicrographStar(StarTable micrographs)
    {
        var optics = new StarTable(["rlnOpticsGroupName", "rlnOpticsGroup", "rlnMicrographPixelSize", "rlnVoltage", "rlnSphericalAberration", "rlnAmplitudeContrast"]);
        optics.AddRow(["opticsGroup1", "1", "1.5", "300", "2.7", "0.07"]);
        var document = new StarDocument();
        var opticsBlock = new StarBlock("optics");
        opticsBlock.AddTable(optics);
        document.AddBlock(opticsBlock);
        var micrographBlock = new StarBlock("micrographs");
        micrographBlock.AddTable(micrographs);
        document.AddBlock(micrographBlock);
        StarWriter.Write(_dir.File("micrographs.star"), document, overwrite: false);
    }
}
