using System.Globalization;
using System.Text;
using LeopardEm.Imaging;
using LeopardEm.Io;

namespace LeopardEm.Programs;

/// <summary>What an optimize_template run produced.</summary>
/// <param name="Curve">Every candidate evaluated, in evaluation order (coarse, fine, then B-factor pass).</param>
/// <param name="OptimalPixelSize">The best pixel size in Å (first highest score of the coarse and fine passes; the
/// starting <c>pixel_spacing</c> when no score was finite), or null when the pixel-size search was disabled.</param>
/// <param name="OptimalBFactor">The best additional B-factor in Å² of the B-factor scan, or null when none ran.</param>
/// <param name="PixelSize">The template pixel size of the result, Å: <paramref name="OptimalPixelSize"/>, or
/// <c>pixel_spacing</c> without a pixel-size search.</param>
/// <param name="AdditionalBFactor">The additional B-factor of the result, Å²: <paramref name="OptimalBFactor"/>, or
/// the configured one without a scan.</param>
/// <param name="Template">The template simulated at the result, when it was asked for; otherwise null.</param>
/// <param name="Seconds">Wall time of the run, s.</param>
/// <param name="WrittenFiles">Files written, in order.</param>
public sealed record OptimizeTemplateOutcome(
    IReadOnlyList<TemplateEvaluation> Curve,
    double? OptimalPixelSize,
    double? OptimalBFactor,
    double PixelSize,
    double AdditionalBFactor,
    Volume3D? Template,
    double Seconds,
    IReadOnlyList<string> WrittenFiles)
{
    /// <summary>Column names of <see cref="CurveCsv"/>.</summary>
    public const string CurveHeader = "stage,pixel_size,additional_b_factor,score,particles_used";

    /// <summary>The score curve as CSV: <see cref="CurveHeader"/>, then one row per evaluation in order; stage is
    /// <c>coarse</c>, <c>fine</c> or <c>b_factor</c>; pixel size in Å, B-factor in Å², score the mean refined z-score
    /// (empty when NaN), numbers in shortest round-trip form.</summary>
    public string CurveCsv()
    {
        var text = new StringBuilder(CurveHeader).Append('\n');
        foreach (var e in Curve)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{StageName(e.Stage)},{Number(e.PixelSize)},{Number(e.AdditionalBFactor)},{(double.IsNaN(e.Score) ? "" : Number(e.Score))},{e.ParticlesUsed}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The result in Leopard-EM's text formats: <c>Optimal template px: X.XXX Å</c> (optimize_template, no newline)
    /// when the pixel size was searched, and <c>Best B-factor: B with a mean of S</c> (optimize_b_factor.py) when
    /// B-factors were scanned, on the next line.
    /// </summary>
    public string ResultText()
    {
        var lines = new List<string>();
        if (OptimalPixelSize is { } px)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Optimal template px: {px:F3} Å"));
        }

        if (OptimalBFactor is { } b)
        {
            var best = EarlyStopping.Best(Curve.Where(e => e.Stage == OptimizationStage.BFactor), e => e.Score);
            lines.Add($"Best B-factor: {Number(b)} with a mean of {PythonNumberFormat.Format(best?.Score ?? double.NaN)}");
        }

        return string.Join('\n', lines);
    }

    /// <summary>The name of a stage in the curve CSV.</summary>
    public static string StageName(OptimizationStage stage) => stage switch
    {
        OptimizationStage.Coarse => "coarse",
        OptimizationStage.Fine => "fine",
        _ => "b_factor",
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
