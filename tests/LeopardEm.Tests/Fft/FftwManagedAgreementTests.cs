using LeopardEm.Fft;
using LeopardEm.Imaging;
using Xunit.Abstractions;
using static LeopardEm.Tests.Fft.FftTestData;

namespace LeopardEm.Tests.Fft;

/// <summary>FFTW and the managed engine give the same numbers, including on non-Hermitian c2r input.</summary>
public class FftwManagedAgreementTests(ITestOutputHelper output)
{
    // Relative L2 error (‖fftw - managed‖₂ / ‖fftw‖₂) between two float32 FFTs of 512²; both engines are
    // within a few 1e-8 of the exact result, so 1e-6 leaves a wide margin without hiding real errors.
    private const double L2Tolerance = 1e-6;

    [FftwFact]
    public void EnginesAgreeOn512Squared()
    {
        const int size = 512;
        Assert.True(FftEngines.TryGetFftw(out var fftw));
        var managed = FftEngines.Managed;
        var input = RealSamples(size * size, seed: 512);
        var spectrumFftw = new ComplexF[size * (size / 2 + 1)];
        var spectrumManaged = new ComplexF[spectrumFftw.Length];

        fftw.Forward2D(input, spectrumFftw, size, size);
        managed.Forward2D(input, spectrumManaged, size, size);
        var forwardL2 = L2RelativeError(spectrumManaged, spectrumFftw);
        var forwardMax = MaxRelativeError(spectrumManaged, spectrumFftw);

        var imageFftw = new float[size * size];
        var imageManaged = new float[size * size];
        var spectrumCopy = (ComplexF[])spectrumFftw.Clone();
        fftw.Inverse2D(spectrumFftw, imageFftw, size, size);
        managed.Inverse2D(spectrumCopy, imageManaged, size, size);
        var inverseL2 = L2RelativeError(imageManaged, imageFftw);
        var inverseMax = MaxRelativeError(imageManaged, imageFftw);

        output.WriteLine($"512² r2c: L2 {forwardL2:E2}, max/max {forwardMax:E2}; c2r: L2 {inverseL2:E2}, max/max {inverseMax:E2}");
        Assert.InRange(forwardL2, 0, L2Tolerance);
        Assert.InRange(inverseL2, 0, L2Tolerance);
    }

    [Theory]
    [InlineData(1, 8, 10)]
    [InlineData(1, 9, 7)]
    [InlineData(1, 64, 64)]
    [InlineData(4, 6, 8)]
    [InlineData(5, 7, 9)]
    public void NonHermitianColumnsGiveTheSameResultOnBothEngines(int depth, int height, int width)
    {
        // A real image's spectrum, then non-Hermitian imaginary parts added to columns 0 and W/2: the c2r must use
        // only their Hermitian part, i.e. equal the result for the explicitly projected spectrum.
        var complexWidth = width / 2 + 1;
        var spectrum = new ComplexF[depth * height * complexWidth];
        FftEngines.Managed.Forward3D(RealSamples(depth * height * width, seed: 3), spectrum, depth, height, width);
        var random = new Random(11);
        for (var row = 0; row < depth * height; row++)
        {
            spectrum[row * complexWidth].Im += (float)random.NextDouble();
            if (width % 2 == 0)
            {
                spectrum[row * complexWidth + width / 2].Im += (float)random.NextDouble();
            }
        }

        var expected = ReferenceDft.Inverse(spectrum.Select(c => new System.Numerics.Complex(c.Re, c.Im)).ToArray(), depth, height, width);
        var results = new List<float[]>();
        foreach (var name in FftTestEngines.Names)
        {
            var result = new float[depth * height * width];
            FftTestEngines.Get(name).Inverse3D((ComplexF[])spectrum.Clone(), result, depth, height, width);
            Assert.InRange(MaxRelativeError(result, expected), 0, 1e-5);
            results.Add(result);
        }

        foreach (var result in results)
        {
            Assert.InRange(MaxRelativeError(result, results[0]), 0, 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(FftTestEngines.Available), MemberType = typeof(FftTestEngines))]
    public void AlignedAndUnalignedBuffersGiveTheSameResults(string engineName)
    {
        const int height = 48, width = 60;
        var engine = FftTestEngines.Get(engineName);
        int real = height * width, complex = height * (width / 2 + 1);
        var input = RealSamples(real, seed: 5);

        using var alignedIn = new AlignedBuffer<float>(real);
        using var alignedSpectrum = new AlignedBuffer<ComplexF>(complex);
        using var alignedOut = new AlignedBuffer<float>(real);
        input.CopyTo(alignedIn.Span);
        engine.Forward2D(alignedIn.Span, alignedSpectrum.Span, height, width);
        var spectrumAligned = alignedSpectrum.Span.ToArray();
        engine.Inverse2D(alignedSpectrum.Span, alignedOut.Span, height, width);

        // Offsetting by one float makes every buffer 4 mod 8 bytes, so never 64-byte aligned.
        var unalignedIn = new float[real + 1];
        var unalignedSpectrumFloats = new float[2 * complex + 1];
        var unalignedOut = new float[real + 1];
        input.CopyTo(unalignedIn, 1);
        var unalignedSpectrum = System.Runtime.InteropServices.MemoryMarshal.Cast<float, ComplexF>(unalignedSpectrumFloats.AsSpan(1));
        engine.Forward2D(unalignedIn.AsSpan(1), unalignedSpectrum, height, width);
        Assert.InRange(MaxRelativeError(unalignedSpectrum, spectrumAligned), 0, 1e-6);
        engine.Inverse2D(unalignedSpectrum, unalignedOut.AsSpan(1), height, width);

        Assert.InRange(MaxRelativeError(unalignedOut.AsSpan(1), alignedOut.Span), 0, 1e-6);
        Assert.InRange(MaxRelativeError(unalignedOut.AsSpan(1), input), 0, 1e-5);
    }
}
