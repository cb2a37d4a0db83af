using LeopardEm.Imaging;
using static LeopardEm.Tests.Fft.FftTestData;

namespace LeopardEm.Tests.Fft;

/// <summary>Concurrent transforms with one engine give exactly the sequential results.</summary>
public class FftThreadSafetyTests
{
    [Theory]
    [MemberData(nameof(FftTestEngines.Available), MemberType = typeof(FftTestEngines))]
    public async Task ParallelTransformsAreBitIdenticalToSequentialOnes(string engineName)
    {
        const int tasks = 8, repeats = 4, height = 96, width = 90;
        var engine = FftTestEngines.Get(engineName);
        int real = height * width, complex = height * (width / 2 + 1);

        // Aligned buffers everywhere, so FFTW uses the same plan in both runs.
        var inputs = Enumerable.Range(0, tasks).Select(i =>
        {
            var buffer = new AlignedBuffer<float>(real);
            RealSamples(real, seed: 100 + i).CopyTo(buffer.Span);
            return buffer;
        }).ToArray();

        (ComplexF[] Spectrum, float[] Image) Run(int i)
        {
            using var spectrum = new AlignedBuffer<ComplexF>(complex);
            using var image = new AlignedBuffer<float>(real);
            engine.Forward2D(inputs[i].Span, spectrum.Span, height, width);
            var spectrumCopy = spectrum.Span.ToArray();
            engine.Inverse2D(spectrum.Span, image.Span, height, width);
            return (spectrumCopy, image.Span.ToArray());
        }

        var sequential = Enumerable.Range(0, tasks).Select(Run).ToArray();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var parallel = await Task.WhenAll(Enumerable.Range(0, tasks).Select(i => Task.Run(() => Run(i))));
            for (var i = 0; i < tasks; i++)
            {
                Assert.Equal(sequential[i].Spectrum, parallel[i].Spectrum);
                Assert.Equal(sequential[i].Image, parallel[i].Image);
            }
        }

        foreach (var input in inputs)
        {
            input.Dispose();
        }
    }
}
