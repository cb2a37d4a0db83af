using LeopardEm.Fft;
using LeopardEm.Filters;
using LeopardEm.Optics;
using LeopardEm.Orientations;
using LeopardEm.Projection;
using LeopardEm.Search;

namespace LeopardEm.Tests.Search;

/// <summary>
/// A small local search for the refine contract: a 16³ blob template, a 40 x 40 particle box holding the template's
/// projection at a known orientation offset, defocus offset and shift in weak noise, 3 x 3 orientation offsets (theta and psi ±4°)
/// x 3 defocus offsets x 2 pixel-size offsets (0 and 0.3 Å), and smooth non-trivial mean and standard-deviation crops, with an
/// independent naive scan of every candidate as the reference.
/// </summary>
internal sealed class RefineCase
{
    public const int Box = 40;
    public const int TemplateSize = 16;
    public const double PixelSize = 1.5;
    public const int TrueOffset = 7;
    public const int TrueDefocusPlane = 2;
    public const int TrueShiftY = 2;
    public const int TrueShiftX = -3;

    private static readonly CtfParameters Optics = new(10000, 9000, 30, 300, BFactor: 30);
    private readonly float[] _templateFilter = Enumerable.Repeat(1f, TemplateSize * (TemplateSize / 2 + 1)).ToArray();
    private readonly float[] _box;

    public RefineCase(IReadOnlyList<EulerAngles>? offsets = null, int seed = 3)
    {
        var template = TemplateSpectrum.FromVolume(SearchCase.BlobVolume(TemplateSize, 5), FftEngines.Managed);
        var grid = offsets ?? [.. from theta in new[] { -4.0, 0, 4 } from psi in new[] { -4.0, 0, 4 } select new EulerAngles(0, theta, psi)];
        Search = new RefineSearch(template, Box, Box, new LocalOffsetGrid(grid, LocalGridConvention.Symmetric), [-200f, 0f, 200f], [0f, 0.3f]);
        Orientation = new EulerAngles(40, 70, 200);
        var random = new Random(seed);
        _box = [.. Enumerable.Range(0, Box * Box).Select(_ => (float)(0.05 * (random.NextDouble() - 0.5)))];
        if (offsets is null)
        {
            var t = Template(TrueOffset, TrueDefocusPlane);
            int top = Search.StartY + TrueShiftY, left = Search.StartX + TrueShiftX;
            for (var i = 0; i < TemplateSize; i++)
            {
                for (var j = 0; j < TemplateSize; j++)
                {
                    _box[(top + i) * Box + left + j] += (float)t[i * TemplateSize + j];
                }
            }
        }

        var crop = Search.CropHeight * Search.CropWidth;
        Mean = [.. Enumerable.Range(0, crop).Select(i => (float)(5 * Math.Sin(0.3 * i)))];
        StandardDeviation = [.. Enumerable.Range(0, crop).Select(i => (float)(1 + 0.02 * Math.Cos(0.17 * i)))];
    }

    public RefineSearch Search { get; }

    public EulerAngles Orientation { get; }

    public float[] Mean { get; }

    public float[] StandardDeviation { get; }

    /// <summary>The particle as a backend target (absolute defocus = the CTF's; templates normalised for the box).</summary>
    public RefineTarget Target()
    {
        var spectrum = new LeopardEm.Imaging.ComplexF[Box * (Box / 2 + 1)];
        FftEngines.Managed.Forward2D(_box, spectrum, Box, Box);
        return new RefineTarget(spectrum, _templateFilter, Optics, PixelSize, PixelSize, Orientation, Mean, StandardDeviation, Box, Box);
    }

    /// <summary>Every candidate scored directly in double: z and CC per (offset k, plane p·D + d, crop row y, crop column
    /// x), at <c>[k][plane][y·CropWidth + x]</c>.</summary>
    public (double Z, double Cc)[][][] NaiveScores()
    {
        var planes = Search.DefocusOffsets.Count * Search.PixelSizeOffsets.Count;
        var scores = new (double Z, double Cc)[Search.Offsets.Count][][];
        for (var k = 0; k < Search.Offsets.Count; k++)
        {
            scores[k] = new (double, double)[planes][];
            for (var plane = 0; plane < planes; plane++)
            {
                var t = Template(k, plane);
                scores[k][plane] = new (double, double)[Search.CropHeight * Search.CropWidth];
                for (var y = 0; y < Search.CropHeight; y++)
                {
                    for (var x = 0; x < Search.CropWidth; x++)
                    {
                        double cc = 0;
                        for (var i = 0; i < TemplateSize; i++)
                        {
                            for (var j = 0; j < TemplateSize; j++)
                            {
                                cc += _box[(y + i) % Box * Box + (x + j) % Box] * t[i * TemplateSize + j];
                            }
                        }

                        var c = y * Search.CropWidth + x;
                        scores[k][plane][c] = ((cc - Mean[c]) / StandardDeviation[c], cc);
                    }
                }
            }
        }

        return scores;
    }

    // The normalised template of offset k and plane p·D + d, as every backend must make it.
    private double[] Template(int offset, int plane)
    {
        var filters = ProjectiveFilterStack.Build(
            Optics, PixelSize, 0, Search.PixelSizeOffsets, Search.DefocusOffsets, _templateFilter, TemplateSize);
        var rotation = Search.Offsets.Compose(offset, Orientation).ToSingle();
        return NaiveCorrelation.Template(Search.Template, rotation, Search.SliceConvention, filters[plane], Box, Box);
    }
}
