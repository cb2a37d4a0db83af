using LeopardEm.Fft;

namespace LeopardEm.Tests.Fft;

/// <summary>
/// The engines the FFT theories run on: managed always, FFTW when the native library loads. A missing FFTW is made
/// visible by <see cref="FftwAvailabilityTests"/>, which is reported as skipped in that case.
/// </summary>
public static class FftTestEngines
{
    /// <summary>Names of the engines available in this process.</summary>
    public static IReadOnlyList<string> Names => FftEngines.TryGetFftw(out _) ? ["managed", "fftw"] : ["managed"];

    /// <summary><see cref="Names"/> as theory data.</summary>
    public static TheoryData<string> Available => new(Names);

    /// <summary>The engine called <paramref name="name"/>.</summary>
    public static IFftEngine Get(string name) => name switch
    {
        "managed" => FftEngines.Managed,
        "fftw" => FftEngines.TryGetFftw(out var fftw) ? fftw : throw new InvalidOperationException("FFTW is unavailable."),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Every available engine combined with every 3-D shape (depth, height, width), as theory data.</summary>
    public static TheoryData<string, int, int, int> WithShapes(IEnumerable<(int Depth, int Height, int Width)> shapes)
    {
        var data = new TheoryData<string, int, int, int>();
        foreach (var engine in Names)
        {
            foreach (var (d, h, w) in shapes)
            {
                data.Add(engine, d, h, w);
            }
        }

        return data;
    }
}
