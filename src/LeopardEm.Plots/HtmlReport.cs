using System.Globalization;
using System.Net;
using System.Text;
using LeopardEm.Io;
using LeopardEm.Peaks;

namespace LeopardEm.Plots;

/// <summary>A self-contained HTML page: the figures (linked PNG files beside it) and the table of picks, with
/// positions both in the maps (template corner, Leopard-EM's <c>pos_x</c>/<c>pos_y</c>) and as particle centres.</summary>
internal static class HtmlReport
{
    public static void Write(string path, string title, IReadOnlyList<(string File, string Caption)> figures, PickingResult result, int templateSize, bool overwrite)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:1000px}figure{margin:1.5em 0}img{max-width:100%}")
            .Append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n");
        foreach (var warning in result.Warnings)
        {
            html.Append("<p><strong>Warning:</strong> ").Append(Encode(warning)).Append("</p>\n");
        }

        foreach (var (file, caption) in figures)
        {
            html.Append("<figure><img src=\"").Append(Encode(file)).Append("\" alt=\"").Append(Encode(caption)).Append("\"><figcaption>")
                .Append(Encode(caption)).Append("</figcaption></figure>\n");
        }

        var valueName = result.Metric == PickingMetric.PValue ? "−ln p" : "z-score";
        html.Append("<h2>Picks</h2>\n<table>\n<tr><th>particle_index</th><th>pos_x</th><th>pos_y</th><th>centre x</th><th>centre y</th><th>")
            .Append(Encode(valueName)).Append("</th><th>scaled_mip</th><th>mip</th></tr>\n");
        for (var i = 0; i < result.Picks.Count; i++)
        {
            var pick = result.Picks[i];
            var (x, y) = pick.Centre(templateSize);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{i}</td><td>{pick.X}</td><td>{pick.Y}</td><td>{x}</td><td>{y}</td><td>{pick.MetricValue:0.###}</td><td>{pick.ZScore:0.###}</td><td>{pick.Mip:0.###}</td></tr>\n");
        }

        html.Append("</table>\n</body>\n</html>\n");
        var bytes = Encoding.UTF8.GetBytes(html.ToString());
        AtomicFileWriter.Write(path, overwrite, stream => stream.Write(bytes));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
