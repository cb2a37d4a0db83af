using LeopardEm.Io;

namespace LeopardEm.Outputs;

/// <summary>
/// Particle centres of the result as a plain coordinate file for viewers and other programs
/// (<see cref="CoordinateFiles"/>), the format chosen by the target's extension: <c>.box</c> writes an EMAN box file
/// (box corners, the box edge given by the result), <c>.coords</c> one line <c>x y</c> per particle centre.
/// Coordinates are micrograph pixels, x = column, y = row, as stored in the MRC file.
/// </summary>
/// <typeparam name="TResult">What the job produces.</typeparam>
public sealed class CoordinatesOutput<TResult> : IOutputWriter<TResult>
{
    /// <summary>The extension of an EMAN box file.</summary>
    public const string BoxExtension = ".box";

    /// <summary>The extension of a plain centres file.</summary>
    public const string CoordsExtension = ".coords";

    private readonly Func<TResult, IEnumerable<(double X, double Y)>> _centres;
    private readonly Func<TResult, int> _boxSize;
    private readonly bool _box;

    /// <summary>Declares the output.</summary>
    /// <param name="target">Where it goes; its path must end in <see cref="BoxExtension"/> or
    /// <see cref="CoordsExtension"/> (see <see cref="IsSupported"/>).</param>
    /// <param name="centres">The particle centres of a result (x = column, y = row), micrograph pixels.</param>
    /// <param name="boxSize">The box edge of a result, pixels (used by <c>.box</c> files).</param>
    /// <exception cref="ArgumentException">The path has another extension.</exception>
    public CoordinatesOutput(OutputTarget target, Func<TResult, IEnumerable<(double X, double Y)>> centres, Func<TResult, int> boxSize)
    {
        Target = target ?? throw new ArgumentNullException(nameof(target));
        _centres = centres ?? throw new ArgumentNullException(nameof(centres));
        _boxSize = boxSize ?? throw new ArgumentNullException(nameof(boxSize));
        if (!IsSupported(target.Path))
        {
            throw new ArgumentException($"{target.Key}: {target.Describe()} must end in {CoordsExtension} or {BoxExtension}.", nameof(target));
        }

        _box = Path.GetExtension(target.Path).Equals(BoxExtension, StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public OutputTarget Target { get; }

    /// <summary>Whether <paramref name="path"/> names a format this output writes (by its extension, any case).</summary>
    public static bool IsSupported(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(BoxExtension, StringComparison.OrdinalIgnoreCase)
            || extension.Equals(CoordsExtension, StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public void Write(Stream stream, TResult result)
    {
        if (_box)
        {
            CoordinateFiles.WriteEmanBox(stream, _centres(result), _boxSize(result));
        }
        else
        {
            CoordinateFiles.WriteCentres(stream, _centres(result));
        }
    }
}
