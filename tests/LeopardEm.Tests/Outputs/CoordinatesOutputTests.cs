using System.Text;
using LeopardEm.Outputs;

namespace LeopardEm.Tests.Outputs;

public class CoordinatesOutputTests
{
    private static readonly (double X, double Y)[] Centres = [(10, 20), (33.5, 7)];

    [Theory]
    [InlineData("/tmp/picks.coords", "10 20\n33.5 7\n")]
    [InlineData("/tmp/picks.BOX", "-6\t4\t32\t32\n18\t-9\t32\t32\n")]
    public void The_extension_chooses_the_format(string path, string expected)
    {
        var output = new CoordinatesOutput<int>(new OutputTarget("--coords", path, path), _ => Centres, _ => 32);
        using var stream = new MemoryStream();

        output.Write(stream, 0);

        Assert.Equal(expected, Encoding.ASCII.GetString(stream.ToArray()));
    }

    [Fact]
    public void Another_extension_is_refused_with_the_key() =>
        Assert.Contains("--coords", Assert.Throws<ArgumentException>(() =>
            new CoordinatesOutput<int>(new OutputTarget("--coords", "p.star", "/tmp/p.star"), _ => Centres, _ => 32)).Message);
}
