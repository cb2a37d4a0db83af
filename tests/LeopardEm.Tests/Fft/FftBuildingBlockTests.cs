using System.Numerics;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using static LeopardEm.Tests.Fft.FftTestData;

namespace LeopardEm.Tests.Fft;

/// <summary>
/// The separable building blocks (row r2c/c2r, interleaved column c2c) and the pruned padded forward transform, on
/// both engines: against the reference DFT and against the whole 2-D transforms they decompose.
/// </summary>
public class FftBuildingBlockTests
{
    // Float32 transforms of these sizes are within a few 1e-7 of the exact DFT (max error over max value); 1e-5
    // leaves a wide margin without hiding a wrong twiddle, stride or missing row.
    private const double Tolerance = 1e-5;

    public static TheoryData<string, int, int, int, int> PaddedShapes()
    {
        // (block rows, block columns, frame rows, frame columns): powers of two, odd and prime sizes, a full block.
        (int, int, int, int)[] shapes = [(16, 16, 64, 64), (12, 10, 47, 62), (5, 7, 9, 15), (8, 8, 8, 8), (31, 20, 62, 93)];
        var data = new TheoryData<string, int, int, int, int>();
        foreach (var engine in FftTestEngines.Names)
        {
            foreach (var (bh, bw, h, w) in shapes)
            {
                data.Add(engine, bh, bw, h, w);
            }
        }

        return data;
    }

    public static TheoryData<string, int, int> LineShapes()
    {
        // (length, count): even and odd lengths, radix 7, an 11 (generic radix), a Bluestein prime, single and
        // several sequences (multiples of four run the vectorised kernels from the first pass).
        (int, int)[] shapes = [(16, 1), (64, 8), (30, 5), (45, 3), (97, 4), (128, 33), (98, 4), (112, 8), (63, 12), (44, 4)];
        var data = new TheoryData<string, int, int>();
        foreach (var engine in FftTestEngines.Names)
        {
            foreach (var (length, count) in shapes)
            {
                data.Add(engine, length, count);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PaddedShapes))]
    public void PaddedForwardEqualsTheFullTransformOfThePaddedFrame(string engineName, int blockHeight, int blockWidth, int height, int width)
    {
        var engine = FftTestEngines.Get(engineName);
        var block = RealSamples(blockHeight * blockWidth, seed: blockHeight * 31 + width);
        var frame = new float[height * width];
        for (var y = 0; y < blockHeight; y++)
        {
            block.AsSpan(y * blockWidth, blockWidth).CopyTo(frame.AsSpan(y * width));
        }

        var expected = ReferenceDft.Forward(frame, 1, height, width);
        var full = new ComplexF[height * (width / 2 + 1)];
        engine.Forward2D(frame, full, height, width);
        // Garbage in the output must not survive: the pruned rows are written, not assumed zero.
        var pruned = ComplexSamples(full.Length, seed: 9);
        engine.ForwardPadded2D(block, blockHeight, blockWidth, pruned, height, width);

        Assert.InRange(MaxRelativeError(pruned, expected), 0, Tolerance);
        Assert.InRange(MaxRelativeError(pruned, full), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(LineShapes))]
    public void RowTransformsAreUnnormalisedOneDimensionalDfts(string engineName, int length, int count)
    {
        var engine = FftTestEngines.Get(engineName);
        var half = length / 2 + 1;
        var input = RealSamples(length * count, seed: length + count);
        var spectrum = new ComplexF[half * count];
        engine.ForwardRows(input, spectrum, length, count);
        for (var r = 0; r < count; r++)
        {
            var expected = ReferenceDft.Forward(input.AsSpan(r * length, length).ToArray(), 1, 1, length);
            Assert.InRange(MaxRelativeError(spectrum.AsSpan(r * half, half), expected), 0, Tolerance);
        }

        var output = new float[input.Length];
        engine.InverseRows(spectrum, output, length, count);
        var scaled = input.Select(v => (double)v * length).ToArray();
        Assert.InRange(MaxRelativeError(output, scaled), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(LineShapes))]
    public void ColumnTransformsAreUnnormalisedDftsOfInterleavedSequences(string engineName, int length, int count)
    {
        var engine = FftTestEngines.Get(engineName);
        var input = ComplexSamples(length * count, seed: 3 * length + count);
        var data = (ComplexF[])input.Clone();
        engine.TransformColumns(data, length, count, TransformDirection.Forward);
        for (var q = 0; q < count; q++)
        {
            var column = Enumerable.Range(0, length).Select(t => input[t * count + q]).ToArray();
            var transformed = Enumerable.Range(0, length).Select(t => data[t * count + q]).ToArray();
            Assert.InRange(MaxRelativeError(transformed, Dft(column, -1)), 0, Tolerance);
        }

        engine.TransformColumns(data, length, count, TransformDirection.Inverse);
        var scaled = input.Select(v => new Complex(v.Re * (double)length, v.Im * (double)length)).ToArray();
        Assert.InRange(MaxRelativeError(data, scaled), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(LineShapes))]
    public void SequenceTransformsEqualColumnTransformsOfTheTransposedLayout(string engineName, int length, int count)
    {
        var engine = FftTestEngines.Get(engineName);
        var columns = ComplexSamples(length * count, seed: 5 * length + count);
        var sequences = new ComplexF[columns.Length];
        for (var t = 0; t < length; t++)
        {
            for (var q = 0; q < count; q++)
            {
                sequences[q * length + t] = columns[t * count + q];
            }
        }

        var input = (ComplexF[])sequences.Clone();
        engine.TransformColumns(columns, length, count, TransformDirection.Forward);
        engine.TransformSequences(sequences, length, count, TransformDirection.Forward);
        for (var q = 0; q < count; q++)
        {
            var expected = Enumerable.Range(0, length).Select(t => columns[t * count + q]).ToArray();
            Assert.InRange(MaxRelativeError(sequences.AsSpan(q * length, length), expected), 0, Tolerance);
        }

        engine.TransformSequences(sequences, length, count, TransformDirection.Inverse);
        var scaled = input.Select(v => new Complex(v.Re * (double)length, v.Im * (double)length)).ToArray();
        Assert.InRange(MaxRelativeError(sequences, scaled), 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(FftTestEngines.Available), MemberType = typeof(FftTestEngines))]
    public void RowsThenColumnsComposeTheTwoDimensionalTransforms(string engineName)
    {
        const int height = 36, width = 50, half = width / 2 + 1;
        var engine = FftTestEngines.Get(engineName);
        var image = RealSamples(height * width, seed: 36);
        var whole = new ComplexF[height * half];
        engine.Forward2D(image, whole, height, width);
        var composed = new ComplexF[whole.Length];
        engine.ForwardRows(image, composed, width, height);
        engine.TransformColumns(composed, height, half, TransformDirection.Forward);
        Assert.InRange(MaxRelativeError(composed, whole), 0, Tolerance);

        var back = new float[image.Length];
        engine.TransformColumns(composed, height, half, TransformDirection.Inverse);
        engine.InverseRows(composed, back, width, height);
        var expected = image.Select(v => (double)v * height * width).ToArray();
        Assert.InRange(MaxRelativeError(back, expected), 0, Tolerance);
    }

    private static Complex[] Dft(ComplexF[] x, int sign)
    {
        var n = x.Length;
        var result = new Complex[n];
        for (var k = 0; k < n; k++)
        {
            var sum = Complex.Zero;
            for (var t = 0; t < n; t++)
            {
                var angle = sign * 2 * Math.PI * ((long)k * t % n) / n;
                sum += new Complex(x[t].Re, x[t].Im) * new Complex(Math.Cos(angle), Math.Sin(angle));
            }

            result[k] = sum;
        }

        return result;
    }
}
