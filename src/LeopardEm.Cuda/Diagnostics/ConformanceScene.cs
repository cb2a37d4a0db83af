using LeopardEm.Demo;
using LeopardEm.Fft;
using LeopardEm.Filters;
using LeopardEm.Imaging;
using LeopardEm.Optics;
using LeopardEm.Orientations;
using LeopardEm.Projection;
using LeopardEm.Search;

namespace LeopardEm.Cuda.Diagnostics;

/// <summary>
/// The small search the conformance checks run: a 64 x 64 white-noise micrograph (σ = 1, DC removed), the built-in
/// 32³ demo template, eight orientations (four "round" ones whose frequencies fall on the x' = 0 plane, where the slice
/// conventions differ, and four random), two defocus planes with CTF filters (300 kV, 1.5 Å/px, du 10000 Å,
/// dv 9000 Å, B 30 Å²), statistics over the valid region. Also the CPU references built from the public CPU pieces.
/// </summary>
internal sealed class ConformanceScene
{
    public const int ImageSize = 64;
    public const int TemplateSize = 32;
    public const double PixelSize = 1.5;

    public static readonly CtfParameters Optics = new(10000, 9000, 30, 300, BFactor: 30);

    private static readonly EulerAngles[] RoundOrientations =
        [new(0, 0, 0), new(90, 0, 0), new(0, 30, 90), new(180, 90, 0)];

    public ConformanceScene(IFftEngine engine, SliceConvention convention = SliceConvention.Exact)
    {
        Engine = engine;
        Template = TemplateSpectrum.FromVolume(DemoTemplate.Create(TemplateSize), engine);
        var random = new Random(611);
        var angles = RoundOrientations.Concat(Enumerable.Range(0, 4).Select(_ => new EulerAngles(
            360 * random.NextDouble(), Math.Acos(2 * random.NextDouble() - 1) * 180 / Math.PI, 360 * random.NextDouble()))).ToArray();
        Space = new SearchSpace(angles, [-150f, 150f], [0f], convention);
        var ones = Enumerable.Repeat(1f, TemplateSize * (TemplateSize / 2 + 1)).ToArray();
        Filters = ProjectiveFilterStack.Build(Optics, PixelSize, 0, Space.PixelSizeOffsets, Space.RelativeDefocus, ones, TemplateSize);
        var image = new float[ImageSize * ImageSize];
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        ImageSpectrum = new ComplexF[ImageSize * (ImageSize / 2 + 1)];
        engine.Forward2D(image, ImageSpectrum, ImageSize, ImageSize);
        ImageSpectrum[0] = ComplexF.Zero;
    }

    public IFftEngine Engine { get; }

    public TemplateSpectrum Template { get; }

    public SearchSpace Space { get; }

    /// <summary>Projective filters, index p·D + d.</summary>
    public float[][] Filters { get; }

    /// <summary>The micrograph's spectrum, DC 0.</summary>
    public ComplexF[] ImageSpectrum { get; }

    /// <summary>Rows (= columns) of the valid region.</summary>
    public static int RegionSize => ImageSize - TemplateSize + 1;

    /// <summary>Fresh search inputs (the caller disposes them).</summary>
    public SearchInputs Inputs()
    {
        var spectrum = new AlignedBuffer<ComplexF>(ImageSpectrum.Length);
        ImageSpectrum.CopyTo(spectrum.Span);
        return new SearchInputs(ImageSize, ImageSize, spectrum, Template, Filters, Space, RegionSize, RegionSize, Engine);
    }

    /// <summary>The normalised N x N template of (orientation, plane) from the public CPU pieces: search slice,
    /// x filter, inverse FFT, centred, <see cref="ProjectionNormalizer"/> for the micrograph.</summary>
    public float[] ReferenceTemplate(int orientation, int plane)
    {
        const int n = TemplateSize;
        var slice = new ComplexF[n * (n / 2 + 1)];
        FourierSlicer.ExtractForSearch(Template, Space.Rotation(orientation), slice, Space.SliceConvention);
        var filter = Filters[plane];
        for (var i = 0; i < slice.Length; i++)
        {
            slice[i] *= filter[i];
        }

        var projection = new float[n * n];
        Engine.Inverse2D(slice, projection, n, n);
        var centred = new float[n * n];
        for (var y = 0; y < n; y++)
        {
            for (var x = 0; x < n; x++)
            {
                centred[y * n + x] = projection[(y + n / 2) % n * n + (x + n / 2) % n];
            }
        }

        ProjectionNormalizer.Normalize(centred, n, n, ImageSize, ImageSize);
        return centred;
    }

    /// <summary>Every correlation over the valid region from the public CPU pieces (template zero-padded, r2c,
    /// x conj, c2r): <c>[globalIndex][y·RegionSize + x]</c>.</summary>
    public float[][] ReferenceMaps()
    {
        const int n = TemplateSize, size = ImageSize;
        var maps = new float[Space.Total][];
        var padded = new float[size * size];
        var spectrum = new ComplexF[size * (size / 2 + 1)];
        var correlation = new float[size * size];
        for (var o = 0; o < Space.OrientationCount; o++)
        {
            for (var plane = 0; plane < Filters.Length; plane++)
            {
                var template = ReferenceTemplate(o, plane);
                for (var y = 0; y < n; y++)
                {
                    template.AsSpan(y * n, n).CopyTo(padded.AsSpan(y * size, n));
                }

                Engine.Forward2D(padded, spectrum, size, size);
                for (var i = 0; i < spectrum.Length; i++)
                {
                    var a = ImageSpectrum[i];
                    var b = spectrum[i];
                    spectrum[i] = new ComplexF(a.Re * b.Re + a.Im * b.Im, a.Im * b.Re - a.Re * b.Im);
                }

                Engine.Inverse2D(spectrum, correlation, size, size);
                var map = new float[RegionSize * RegionSize];
                for (var y = 0; y < RegionSize; y++)
                {
                    correlation.AsSpan(y * size, RegionSize).CopyTo(map.AsSpan(y * RegionSize));
                }

                maps[plane * Space.OrientationCount + o] = map;
            }
        }

        return maps;
    }
}
