using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Orientations;
using LeopardEm.Projection;
using LeopardEm.Search;

namespace LeopardEm.Tests.Search;

/// <summary>
/// A small search on awkward sizes (47 rows: prime; 62 columns: 2·31), so the backend pads its frame to 48 x 64,
/// with a direct real-space reference of every correlation it should compute.
/// </summary>
internal sealed class SmallSearch
{
    public const int Height = 47;
    public const int Width = 62;
    public const int Template = 16;

    private readonly TemplateSpectrum _template;
    private readonly float[][] _filters;
    private readonly ComplexF[] _imageSpectrum;

    public SmallSearch(int orientations, int defocusPlanes, int pixelSizePlanes)
    {
        var random = new Random(2024);
        var volume = new Volume3D(Template, Template, Template);
        for (var i = 0; i < volume.Data.Length; i++)
        {
            volume.Data[i] = (float)random.NextDouble();
        }

        _template = TemplateSpectrum.FromVolume(volume, FftEngines.Managed);
        var image = Enumerable.Range(0, Height * Width).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        _imageSpectrum = new ComplexF[Height * (Width / 2 + 1)];
        FftEngines.Managed.Forward2D(image, _imageSpectrum, Height, Width);
        _imageSpectrum[0] = ComplexF.Zero;
        _filters = Enumerable.Range(0, defocusPlanes * pixelSizePlanes)
            .Select(_ => Enumerable.Range(0, Template * (Template / 2 + 1)).Select(_ => (float)(0.5 + random.NextDouble())).ToArray())
            .ToArray();
        var angles = Enumerable.Range(0, orientations)
            .Select(_ => new EulerAngles(360 * random.NextDouble(), 180 * random.NextDouble(), 360 * random.NextDouble()))
            .ToArray();
        Space = new SearchSpace(
            angles,
            Enumerable.Range(0, defocusPlanes).Select(d => 100f * d).ToArray(),
            Enumerable.Range(0, pixelSizePlanes).Select(p => 0.01f * p).ToArray());
    }

    public SearchSpace Space { get; }

    /// <summary>Rows of the valid region (template fully inside the micrograph).</summary>
    public static int ValidHeight => Height - Template + 1;

    /// <summary>Columns of the valid region.</summary>
    public static int ValidWidth => Width - Template + 1;

    /// <summary>Fresh inputs (the backend's consumers own and dispose them); <paramref name="validOnly"/> keeps the
    /// valid region, otherwise every circular position (no padding possible).</summary>
    public SearchInputs Inputs(bool validOnly)
    {
        var spectrum = new AlignedBuffer<ComplexF>(_imageSpectrum.Length);
        _imageSpectrum.CopyTo(spectrum.Span);
        return new SearchInputs(
            Height, Width, spectrum, _template, _filters, Space,
            validOnly ? ValidHeight : Height, validOnly ? ValidWidth : Width);
    }

    /// <summary>Every correlation of the valid region, computed directly in double from the same normalised template
    /// and image: <c>[globalIndex][y·ValidWidth + x]</c>.</summary>
    public double[][] DirectCorrelations()
    {
        var image = new float[Height * Width];
        FftEngines.Managed.Inverse2D((ComplexF[])_imageSpectrum.Clone(), image, Height, Width);
        var result = new double[Space.Total][];
        var half = Template / 2 + 1;
        var slice = new ComplexF[Template * half];
        for (var o = 0; o < Space.OrientationCount; o++)
        {
            FourierSlicer.ExtractForSearch(_template, Space.Rotation(o), slice, Space.SliceConvention);
            for (var p = 0; p < Space.PixelSizeCount; p++)
            {
                for (var d = 0; d < Space.DefocusCount; d++)
                {
                    var filter = _filters[p * Space.DefocusCount + d];
                    var filtered = slice.Select((v, i) => v * filter[i]).ToArray();
                    var projection = new float[Template * Template];
                    FftEngines.Managed.Inverse2D(filtered, projection, Template, Template);
                    var centred = new float[projection.Length];
                    for (var y = 0; y < Template; y++)
                    {
                        for (var x = 0; x < Template; x++)
                        {
                            centred[y * Template + x] = projection[(y + Template / 2) % Template * Template + (x + Template / 2) % Template];
                        }
                    }

                    ProjectionNormalizer.Normalize(centred, Template, Template, Height, Width);
                    result[Space.GlobalIndex(p, d, o)] = Correlate(image, centred);
                }
            }
        }

        return result;
    }

    private static double[] Correlate(float[] image, float[] template)
    {
        var map = new double[ValidHeight * ValidWidth];
        for (var y = 0; y < ValidHeight; y++)
        {
            for (var x = 0; x < ValidWidth; x++)
            {
                double sum = 0;
                for (var u = 0; u < Template; u++)
                {
                    for (var v = 0; v < Template; v++)
                    {
                        sum += (double)image[(y + u) * Width + x + v] * template[u * Template + v];
                    }
                }

                map[y * ValidWidth + x] = sum;
            }
        }

        return map;
    }
}
