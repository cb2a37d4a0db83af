using LeopardEm.Cli;
using LeopardEm.Io;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Cli;

public class SimulateCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void Writes_a_template_with_the_pixel_size_in_its_header_and_refuses_to_overwrite_it()
    {
        using var folder = new TempDirectory();
        var model = folder.File("small.pdb");
        File.WriteAllText(model, AtomicModelTexts.ToPdb(AtomicModelTexts.SmallMolecule()));
        var mtf = folder.File("mtf.star");
        File.WriteAllText(mtf, "data_\nloop_\n_rlnResolutionInversePixel\n_rlnMtfValue\n0 1\n0.5 0.5\n");
        var target = folder.File("template.mrc");

        var (code, output, error) = Run("simulate", model, "--pixel-size", "1.25", "--box", "32", "--exposure", "40", "--mtf", mtf, "-o", target);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("small.pdb: 10 atoms read, 10 simulated.", output);
        Assert.Contains("32³ voxels of 1.25 Å, integrated 2x finer, 300 kV, dose filter 0-40 e/Å², MTF", output);
        Assert.Contains("wrote " + target, output);
        var volume = MrcReader.ReadVolume(target, out var header);
        Assert.Equal((32, 32, 32), (volume.Depth, volume.Height, volume.Width));
        Assert.Equal(1.25f * 32, header.CellLengths.X, 4);
        Assert.True(volume.Data.Max() > 0);

        var again = Run("simulate", model, "--pixel-size", "1.25", "--box", "32", "-o", target);
        Assert.Equal(ExitCodes.RuntimeFailure, again.Code);
        Assert.Contains("--overwrite", again.Err);
    }

    [Fact]
    public void A_malformed_model_fails_with_its_file_and_line()
    {
        using var folder = new TempDirectory();
        var model = folder.File("bad.pdb");
        File.WriteAllText(model, "HEADER\nATOM      1  N   ALA A   1      11.1x4   6.134  -6.504  1.00 12.50           N\n");

        var (code, _, error) = Run("simulate", model, "--pixel-size", "1", "--box", "32", "-o", folder.File("t.mrc"));

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("bad.pdb:2: expected the x coordinate as a number in columns 31-38, got '11.1x4'", error);
        Assert.False(File.Exists(folder.File("t.mrc")));
    }

    [Theory]
    [InlineData("--box", "33")]
    [InlineData("--pixel-size", "0")]
    [InlineData("--upsampling", "0")]
    public void Invalid_options_are_usage_errors(string option, string value)
    {
        var args = new List<string> { "simulate", "m.pdb", "--pixel-size", "1", "--box", "32", "-o", "t.mrc" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _, error) = Run([.. args]);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(option, error);
    }
}
