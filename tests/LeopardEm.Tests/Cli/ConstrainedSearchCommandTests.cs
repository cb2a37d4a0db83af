using System.Text.RegularExpressions;
using LeopardEm.Cli;
using LeopardEm.Io;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Cli;

/// <summary><c>leopard constrained-search</c> on the synthetic complex's files (absolute paths, so the command does not
/// depend on the test's working directory).</summary>
[Collection(ConstrainedComplex.Collection)]
public sealed class ConstrainedSearchCommandTests(ConstrainedComplex complex)
{
    [Fact]
    public void Searches_and_writes_the_three_tables()
    {
        var config = complex.WriteConfig("cli");
        var csv = complex.File("cli-constrained.csv");

        var (code, output, error) = CliRun.Run("constrained-search", config, "--output-csv", csv, "--threads", "2", "--false-positives", "0.01");

        Assert.True(code == ExitCodes.Success, error);
        output = Regex.Replace(output, @"\s+", " "); // the console wraps long lines
        Assert.Contains("next to 4 reference particle(s) from 1 micrograph(s)", output);
        Assert.Contains("35 relative orientations x 5 defocus values = 175 cross-correlations per particle", output);
        Assert.Contains("0.01 expected false positive(s) per particle over 175 projections x 25 positions", output);
        Assert.Contains("4 above z =", output);
        Assert.Contains("wrote " + complex.File("cli-constrained_above_threshold.csv"), output);
        Assert.Equal(4, ParticleTableCsv.Read(csv).Rows.Count);
        Assert.Equal(0.01, (double)ParticleTableCsv.Read(complex.File("cli-constrained_parameters.csv"))[0, "false_positives"]!);

        // A second run must not replace the tables unless asked to.
        (code, _, error) = CliRun.Run("constrained-search", config, "--output-csv", csv);
        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("already exists", error);
    }

    [Fact]
    public void Configuration_problems_name_the_key_and_line()
    {
        var config = complex.WriteConfig("bad", yaml => yaml.Replace("  roll_step:", "  roll_stepp:", StringComparison.Ordinal));

        var (code, _, error) = CliRun.Run("constrained-search", config, "--output-csv", complex.File("bad.csv"));

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Matches(@"Unknown key 'roll_stepp' in orientation_refinement_config at line \d+", error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("x")]
    public void False_positives_must_be_a_positive_number(string value)
    {
        var (code, _, error) = CliRun.Run("constrained-search", "c.yaml", "--output-csv", "o.csv", "--false-positives", value);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--false-positives must be a positive number", error);
    }
}
