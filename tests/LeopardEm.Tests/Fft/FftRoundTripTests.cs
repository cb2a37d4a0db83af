using LeopardEm.Imaging;
using static LeopardEm.Tests.Fft.FftTestData;

namespace LeopardEm.Tests.Fft;

/// <summary>inverse(forward(x)) == x for every engine, including the 1/N scaling.</summary>
public class FftRoundTripTests
{
    private const double Tolerance = 1e-5;

    public static TheoryData<string, int, int, int> Shapes() => FftTestEngines.WithShapes(
        [(1, 16, 16), (1, 17, 15), (1, 30, 42), (1, 256, 200), (1, 73, 146), (4, 6, 8), (5, 6, 7), (9, 8, 11), (16, 16, 16)]);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void InverseUndoesForward(string engineName, int depth, int height, int width)
    {
        var engine = FftTestEngines.Get(engineName);
        var input = RealSamples(depth * height * width, seed: depth + height + width);
        var spectrum = new ComplexF[depth * height * (width / 2 + 1)];
        var output = new float[input.Length];

        if (depth == 1)
        {
            engine.Forward2D(input, spectrum, height, width);
            engine.Inverse2D(spectrum, output, height, width);
        }
        else
        {
            engine.Forward3D(input, spectrum, depth, height, width);
            engine.Inverse3D(spectrum, output, depth, height, width);
        }

        Assert.InRange(MaxRelativeError(output, input), 0, Tolerance);
    }
}
