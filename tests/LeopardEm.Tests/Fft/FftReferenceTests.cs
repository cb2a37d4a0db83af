using LeopardEm.Imaging;
using static LeopardEm.Tests.Fft.FftTestData;

namespace LeopardEm.Tests.Fft;

/// <summary>Every engine against the naive double-precision DFT: forward and inverse, 2-D, batched 2-D and 3-D.</summary>
public class FftReferenceTests
{
    private const double Tolerance = 1e-5;

    /// <summary>2-D shapes: even and odd, factors 2, 3, 5, 7, small primes (generic radix), primes above 64
    /// (Bluestein: 67 = half of 134, 97, 131), and degenerate single rows and columns.</summary>
    public static TheoryData<string, int, int> Shapes2D()
    {
        (int, int)[] shapes = [(2, 3), (4, 6), (5, 7), (9, 10), (12, 14), (15, 21), (8, 11), (13, 16), (49, 50),
            (64, 64), (1, 8), (7, 1), (3, 134), (97, 131)];
        var data = new TheoryData<string, int, int>();
        foreach (var engine in FftTestEngines.Names)
        {
            foreach (var (h, w) in shapes)
            {
                data.Add(engine, h, w);
            }
        }

        return data;
    }

    /// <summary>3-D shapes, even and odd.</summary>
    public static TheoryData<string, int, int, int> Shapes3D() =>
        FftTestEngines.WithShapes([(4, 6, 8), (5, 6, 7), (3, 5, 2), (7, 1, 9)]);

    [Theory]
    [MemberData(nameof(Shapes2D))]
    public void Forward2DMatchesNaiveDft(string engineName, int height, int width)
    {
        var input = RealSamples(height * width, seed: height * 1000 + width);
        var copy = (float[])input.Clone();
        var output = new ComplexF[height * (width / 2 + 1)];

        FftTestEngines.Get(engineName).Forward2D(input, output, height, width);

        Assert.InRange(MaxRelativeError(output, ReferenceDft.Forward(input, 1, height, width)), 0, Tolerance);
        Assert.Equal(copy, input);
    }

    [Theory]
    [MemberData(nameof(Shapes2D))]
    public void Inverse2DMatchesNaiveHermitianInverse(string engineName, int height, int width)
    {
        // Arbitrary complex values everywhere, so columns 0 and W/2 are not Hermitian: the reference defines the
        // contract's "Hermitian part" semantics.
        var spectrum = ComplexSamples(height * (width / 2 + 1), seed: height * 1000 + width);
        var expected = ReferenceDft.Inverse(spectrum.Select(c => new System.Numerics.Complex(c.Re, c.Im)).ToArray(), 1, height, width);
        var output = new float[height * width];

        FftTestEngines.Get(engineName).Inverse2D(spectrum, output, height, width);

        Assert.InRange(MaxRelativeError(output, expected), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(Shapes3D))]
    public void Forward3DMatchesNaiveDft(string engineName, int depth, int height, int width)
    {
        var input = RealSamples(depth * height * width, seed: depth * 10000 + height * 100 + width);
        var output = new ComplexF[depth * height * (width / 2 + 1)];

        FftTestEngines.Get(engineName).Forward3D(input, output, depth, height, width);

        Assert.InRange(MaxRelativeError(output, ReferenceDft.Forward(input, depth, height, width)), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(Shapes3D))]
    public void Inverse3DMatchesNaiveHermitianInverse(string engineName, int depth, int height, int width)
    {
        var spectrum = ComplexSamples(depth * height * (width / 2 + 1), seed: depth * 10000 + height * 100 + width);
        var expected = ReferenceDft.Inverse(spectrum.Select(c => new System.Numerics.Complex(c.Re, c.Im)).ToArray(), depth, height, width);
        var output = new float[depth * height * width];

        FftTestEngines.Get(engineName).Inverse3D(spectrum, output, depth, height, width);

        Assert.InRange(MaxRelativeError(output, expected), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(FftTestEngines.Available), MemberType = typeof(FftTestEngines))]
    public void BatchedTransformsEqualSingleTransforms(string engineName)
    {
        const int height = 10, width = 12, count = 3;
        var engine = FftTestEngines.Get(engineName);
        int real = height * width, complex = height * (width / 2 + 1);
        var input = RealSamples(count * real, seed: 7);
        var batched = new ComplexF[count * complex];
        var single = new ComplexF[count * complex];

        engine.Forward2D(input, batched, height, width, count);
        for (var i = 0; i < count; i++)
        {
            engine.Forward2D(input.AsSpan(i * real, real), single.AsSpan(i * complex, complex), height, width);
        }

        Assert.InRange(MaxRelativeError(batched, single), 0, 1e-6);

        var batchedBack = new float[count * real];
        var singleBack = new float[count * real];
        engine.Inverse2D(batched, batchedBack, height, width, count);
        for (var i = 0; i < count; i++)
        {
            engine.Inverse2D(single.AsSpan(i * complex, complex), singleBack.AsSpan(i * real, real), height, width);
        }

        Assert.InRange(MaxRelativeError(batchedBack, singleBack), 0, 1e-6);
        Assert.InRange(MaxRelativeError(batchedBack, input), 0, Tolerance);
    }
}
