using System.CommandLine;
using System.CommandLine.Parsing;
using LeopardEm.Peaks;

namespace LeopardEm.Cli.Commands;

/// <summary>The options that choose how particles are called in the result maps (match-template, pick, plot): the
/// metric and its parameters. An option the chosen metric does not read is a usage error, so that it never looks as if
/// it had an effect.</summary>
internal sealed class PickingOptionSet
{
    private static readonly (string Name, PickingMetric Metric)[] Metrics =
        [("zscore", PickingMetric.ZScore), ("pvalue", PickingMetric.PValue), ("gev", PickingMetric.Gev)];

    private readonly Option<PickingMetric?> _metric = new("--metric")
    {
        Description = "How particles are called: zscore (z-score above the Gaussian noise threshold, Leopard-EM's default), pvalue "
            + "(-ln p of the joint z-score/MIP distribution above --p-value-cutoff) or gev (z-score above the cutoff of a GEV fitted "
            + "to the map's z-scores). See docs/programs/pick.md. Default zscore.",
        HelpName = "zscore|pvalue|gev",
        CustomParser = ParseMetric,
    };

    private readonly Option<double?> _falsePositives = NumberOptions.OptionalReal(
        "--false-positives", "Expected number of false peaks that sets the z-score or GEV cutoff (default 1.0).", v => v > 0, "a positive number");

    private readonly Option<double?> _zScoreCutoff = NumberOptions.OptionalReal(
        "--z-score-cutoff", "Use this z-score threshold instead of one derived from --false-positives (zscore metric).", _ => true, "a finite number");

    private readonly Option<double?> _pValueCutoff = NumberOptions.OptionalReal(
        "--p-value-cutoff", "Threshold on -ln p of the pvalue metric (default 8.0, i.e. p < 3.4e-4 per pixel).", v => v > 0, "a positive number");

    private readonly Option<double?> _maskRadius = NumberOptions.OptionalReal(
        "--mask-radius", "Peaks closer than this many pixels to a stronger one are dropped (default 5; 0 keeps every pixel above the cutoff).",
        v => v >= 0, "0 or more");

    public void AddTo(Command command)
    {
        command.Add(_metric);
        command.Add(_falsePositives);
        command.Add(_zScoreCutoff);
        command.Add(_pValueCutoff);
        command.Add(_maskRadius);
        command.Validators.Add(result =>
        {
            // Read from the tokens: the value of an option whose parser failed cannot be asked for.
            var metric = result.GetResult(_metric) is { } given ? Lookup(given.Tokens) : PickingMetric.ZScore;
            if (metric is null)
            {
                return;
            }

            if (result.GetResult(_falsePositives) is not null && result.GetResult(_zScoreCutoff) is not null)
            {
                result.AddError("--false-positives and --z-score-cutoff are alternatives; give one of them.");
            }

            if (result.GetResult(_zScoreCutoff) is not null && metric != PickingMetric.ZScore)
            {
                result.AddError("--z-score-cutoff applies to --metric zscore only.");
            }

            if (result.GetResult(_pValueCutoff) is not null && metric != PickingMetric.PValue)
            {
                result.AddError("--p-value-cutoff applies to --metric pvalue only.");
            }

            if (result.GetResult(_falsePositives) is not null && metric == PickingMetric.PValue)
            {
                result.AddError("--false-positives applies to --metric zscore and gev; the pvalue metric uses --p-value-cutoff.");
            }
        });
    }

    /// <summary>Whether <c>--metric</c> was given.</summary>
    public bool MetricGiven(ParseResult parse) => parse.GetResult(_metric) is not null;

    /// <summary>Whether any of the options was given.</summary>
    public bool AnyGiven(ParseResult parse) =>
        MetricGiven(parse) || new Option[] { _falsePositives, _zScoreCutoff, _pValueCutoff, _maskRadius }.Any(o => parse.GetResult(o) is not null);

    /// <summary>The options, with Leopard-EM's defaults for those not given.</summary>
    public PickingOptions Read(ParseResult parse) => new()
    {
        Metric = parse.GetValue(_metric) ?? PickingMetric.ZScore,
        FalsePositives = parse.GetValue(_falsePositives) ?? 1.0,
        ZScoreCutoff = parse.GetValue(_zScoreCutoff),
        PValueCutoff = parse.GetValue(_pValueCutoff) ?? PValueScores.DefaultCutoff,
        MaskRadius = parse.GetValue(_maskRadius) ?? PeakFinder.DefaultMaskRadius,
    };

    /// <summary>The command-line name of <paramref name="metric"/>.</summary>
    public static string NameOf(PickingMetric metric) => Metrics.Single(m => m.Metric == metric).Name;

    private static PickingMetric? ParseMetric(ArgumentResult result)
    {
        if (Lookup(result.Tokens) is { } metric)
        {
            return metric;
        }

        result.AddError($"--metric must be zscore, pvalue or gev; got '{Text(result.Tokens)}'.");
        return null;
    }

    private static PickingMetric? Lookup(IReadOnlyList<Token> tokens)
    {
        var text = Text(tokens);
        return Metrics.Where(m => string.Equals(m.Name, text, StringComparison.OrdinalIgnoreCase)).Select(m => (PickingMetric?)m.Metric).FirstOrDefault();
    }

    private static string Text(IReadOnlyList<Token> tokens) => string.Join(' ', tokens.Select(t => t.Value));
}
