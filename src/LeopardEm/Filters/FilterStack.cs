using LeopardEm.Imaging;
using LeopardEm.Settings;

namespace LeopardEm.Filters;

/// <summary>
/// The combined preprocessing filters of a search (spec §4.6), built once from the micrograph spectrum: whitening x
/// bandpass x arbitrary curve, evaluated on the micrograph grid and on the template grid. The whitening curve for both
/// comes from the micrograph. Phase randomisation is not a multiplicative filter; see
/// <see cref="PhaseRandomization"/>.
/// </summary>
public sealed class FilterStack
{
    private readonly RadialCurve? _whitening;
    private readonly BandpassFilter? _bandpass;
    private readonly RadialCurve? _curve;

    /// <summary>Builds the filters for a micrograph whose (DC-zeroed) spectrum is <paramref name="imageSpectrum"/>.</summary>
    /// <param name="settings">The <c>preprocessing_filters</c> block.</param>
    /// <param name="imageSpectrum">H x (W/2+1) rfft of the micrograph.</param>
    /// <param name="height">Micrograph rows.</param>
    /// <param name="width">Micrograph columns.</param>
    public FilterStack(PreprocessingFilters settings, ReadOnlySpan<ComplexF> imageSpectrum, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var whitening = settings.WhiteningFilter;
        if (whitening.Enabled)
        {
            _whitening = WhiteningFilter.Estimate(
                imageSpectrum, height, width, whitening.NumFreqBins, whitening.MaxFreq, whitening.DoPowerSpectrum == true);
        }

        var bandpass = settings.BandpassFilter;
        if (bandpass.Enabled)
        {
            _bandpass = new BandpassFilter(bandpass.LowFreqCutoff ?? 0.0, bandpass.HighFreqCutoff ?? 1.0, bandpass.Falloff ?? 0.0);
        }

        var curve = settings.ArbitraryCurveFilter;
        if (curve.Enabled && curve.Frequencies is { } frequencies && curve.Amplitudes is { } amplitudes)
        {
            _curve = new RadialCurve(frequencies.Select(f => (float)f).ToArray(), amplitudes.Select(a => (float)a).ToArray());
        }
    }

    /// <summary>The bandpass alone on the rfft grid of a height x width image (all ones when disabled).</summary>
    public float[] Bandpass(int height, int width) =>
        _bandpass?.EvaluateRfft(height, width) ?? Ones(height * (width / 2 + 1));

    /// <summary>Whitening x bandpass x curve on the rfft grid of a height x width image.</summary>
    public float[] Combined(int height, int width)
    {
        var result = _whitening?.EvaluateRfft(height, width) ?? Ones(height * (width / 2 + 1));
        MultiplyInto(result, _bandpass?.EvaluateRfft(height, width));
        MultiplyInto(result, _curve?.EvaluateRfft(height, width));
        return result;
    }

    private static void MultiplyInto(float[] target, float[]? factor)
    {
        if (factor is null)
        {
            return;
        }

        for (var i = 0; i < target.Length; i++)
        {
            target[i] *= factor[i];
        }
    }

    private static float[] Ones(int length)
    {
        var ones = new float[length];
        ones.AsSpan().Fill(1f);
        return ones;
    }
}
