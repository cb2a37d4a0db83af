using LeopardEm.Cli;

namespace LeopardEm.Tests.Cli;

public class CliAppTests
{
    /// <summary>Runs the command line in-process and returns the exit code and both outputs.</summary>
    internal static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void Unknown_verb_is_a_usage_error()
    {
        var (code, _, err) = Run("no-such-verb");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("no-such-verb", err);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var (code, _, err) = Run("info", "--bogus");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--bogus", err);
    }

    [Fact]
    public void Help_lists_the_verbs()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("info", output);
        Assert.Contains("template matching", output);
    }

    [Fact]
    public void Version_prints_the_assembly_version()
    {
        var (code, output, _) = Run("--version");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"\d+\.\d+\.\d+", output);
    }

    [Fact]
    public void Info_reports_engine_threads_simd_cuda_and_cache()
    {
        var (code, output, _) = Run("info");
        Assert.Equal(ExitCodes.Success, code);
        foreach (var key in new[] { "fft engine", "loaded from", "threads", "simd", "cuda", "cache" })
        {
            Assert.Contains(key, output);
        }
    }
}
