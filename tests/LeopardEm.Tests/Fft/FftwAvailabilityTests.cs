using LeopardEm.Fft;

namespace LeopardEm.Tests.Fft;

/// <summary>FFTW loads and its wisdom file is handled robustly. Skipped (visibly) where FFTW is not installed, which
/// also explains why the engine theories then list only the managed engine.</summary>
public class FftwAvailabilityTests
{
    [FftwFact]
    public void FftwEngineLoadsAndReportsWhereFrom()
    {
        Assert.True(FftEngines.TryGetFftw(out var fftw));
        Assert.Equal("fftw", fftw.Name);
        Assert.Null(FftEngines.FftwUnavailableReason);
        Assert.StartsWith("fftw-3", fftw.Version);
        if (OperatingSystem.IsLinux())
        {
            Assert.True(File.Exists(fftw.Location), fftw.Location);
        }
    }

    [FftwFact]
    public void WisdomRoundTripsThroughAFile()
    {
        Assert.True(FftEngines.TryGetFftw(out var fftw));
        fftw.Forward2D(new float[6 * 10], new LeopardEm.Imaging.ComplexF[6 * 6], 6, 10); // at least one plan exists
        var directory = Directory.CreateTempSubdirectory("leopard-wisdom-");
        try
        {
            var path = Path.Combine(directory.FullName, "nested", "wisdom.txt");
            Assert.True(new FftwWisdomStore(path).Export());
            Assert.Contains("fftw", File.ReadAllText(path));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));

            var store = new FftwWisdomStore(path);
            Assert.True(store.ImportOnce());
            Assert.False(store.ImportOnce());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [FftwFact]
    public void BrokenWisdomFilesAreIgnored()
    {
        var directory = Directory.CreateTempSubdirectory("leopard-wisdom-");
        try
        {
            var garbage = Path.Combine(directory.FullName, "garbage.txt");
            File.WriteAllText(garbage, "(not wisdom");
            Assert.False(new FftwWisdomStore(garbage).ImportOnce());
            Assert.False(new FftwWisdomStore(Path.Combine(directory.FullName, "missing.txt")).ImportOnce());

            // A path whose parent is a file cannot be created.
            Assert.False(new FftwWisdomStore(Path.Combine(garbage, "wisdom.txt")).Export());
            Assert.False(new FftwWisdomStore(null).Export());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
