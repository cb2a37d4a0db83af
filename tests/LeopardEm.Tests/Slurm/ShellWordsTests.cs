using System.Diagnostics;
using LeopardEm.Slurm;

namespace LeopardEm.Tests.Slurm;

/// <summary>Quoted words reach a program through bash exactly as given.</summary>
public sealed class ShellWordsTests
{
    [Fact]
    public void Bash_reads_quoted_words_back_unchanged()
    {
        string[] words = ["plain", "with space", "it's", "$HOME and `date`", "\"double\"", "back\\slash", "*", ""];
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-c", "printf '%s\\0' " + ShellWords.Join(words)])
        {
            RedirectStandardOutput = true,
        })!;
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();

        Assert.Equal(words, output.Split('\0')[..^1]);
    }
}
