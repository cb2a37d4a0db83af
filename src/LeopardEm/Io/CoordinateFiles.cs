using System.Globalization;
using System.Text;

namespace LeopardEm.Io;

/// <summary>
/// Plain particle coordinate files for other cryo-EM programs, written atomically (<see cref="AtomicFileWriter"/>).
/// Coordinates are particle centres in micrograph pixels: x = column, y = row, counted from the first pixel stored in
/// the MRC file, the axes of the micrograph (no y flip: EMAN and RELION count y the same way).
/// </summary>
public static class CoordinateFiles
{
    /// <summary>Writes a <c>.coords</c> file: one line <c>x y</c> per particle (space-separated, shortest round-trip
    /// decimal form, no header).</summary>
    /// <param name="path">Output file; its directory must exist.</param>
    /// <param name="centres">Particle centres (x = column, y = row), pixels.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    public static void WriteCentres(string path, IEnumerable<(double X, double Y)> centres, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(centres);
        var text = new StringBuilder();
        foreach (var (x, y) in centres)
        {
            text.Append(Format(x)).Append(' ').Append(Format(y)).Append('\n');
        }

        WriteText(path, text.ToString(), overwrite);
    }

    /// <summary>Writes an EMAN <c>.box</c> file: one line per particle, tab-separated
    /// <c>x0 y0 box box</c>, where (x0, y0) = centre − box/2 is the box's corner with the smallest coordinates,
    /// rounded to whole pixels (half away from zero), as EMAN's boxer writes them.</summary>
    /// <param name="path">Output file; its directory must exist.</param>
    /// <param name="centres">Particle centres (x = column, y = row), pixels.</param>
    /// <param name="boxSize">Box edge, pixels (usually the template size).</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    public static void WriteEmanBox(string path, IEnumerable<(double X, double Y)> centres, int boxSize, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(centres);
        ArgumentOutOfRangeException.ThrowIfLessThan(boxSize, 1);
        var text = new StringBuilder();
        foreach (var (x, y) in centres)
        {
            text.Append(Corner(x, boxSize)).Append('\t').Append(Corner(y, boxSize)).Append('\t')
                .Append(boxSize.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(boxSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        WriteText(path, text.ToString(), overwrite);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Corner(double centre, int boxSize) =>
        ((long)Math.Round(centre - boxSize / 2.0, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);

    private static void WriteText(string path, string text, bool overwrite) =>
        AtomicFileWriter.Write(path, overwrite, stream =>
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            stream.Write(bytes);
        });
}
