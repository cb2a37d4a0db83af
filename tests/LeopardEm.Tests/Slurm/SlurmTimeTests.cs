using LeopardEm.Slurm;

namespace LeopardEm.Tests.Slurm;

/// <summary>SLURM's six time-limit forms, and everything else refused.</summary>
public sealed class SlurmTimeTests
{
    [Theory]
    [InlineData("90", 0, 1, 30, 0)]
    [InlineData("5:30", 0, 0, 5, 30)]
    [InlineData("1:30:00", 0, 1, 30, 0)]
    [InlineData("2-12", 2, 12, 0, 0)]
    [InlineData("1-2:03", 1, 2, 3, 0)]
    [InlineData("1-02:03:04", 1, 2, 3, 4)]
    public void Every_form_of_sbatch_time_is_read(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), SlurmTime.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("1:2:3:4")]
    [InlineData("1-2:3:4:5")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("UNLIMITED")]
    public void Other_text_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => SlurmTime.Parse(text));
    }
}
