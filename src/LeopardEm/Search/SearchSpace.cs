using System.Buffers.Binary;
using System.Security.Cryptography;
using LeopardEm.Orientations;
using LeopardEm.Projection;

namespace LeopardEm.Search;

/// <summary>
/// The discrete search space of a 2DTM search: orientations x defocus planes x pixel-size planes, and the codec of
/// the global search index <c>g = p·D·M + d·M + o</c> (pixel-size plane p, defocus plane d, orientation o; M
/// orientations, D defocus planes), the value stored in the best-index map. Ties in the maximum correlation go to the
/// lowest g.
/// </summary>
public sealed class SearchSpace
{
    private readonly EulerAngles[] _orientations;
    private readonly float[] _defocus;
    private readonly float[] _pixelSizeOffsets;
    private readonly RotationMatrixF[] _rotations;

    /// <summary>Creates a search space.</summary>
    /// <param name="orientations">Orientations in search order (degrees, ZYZ); rounded to float32 as upstream.</param>
    /// <param name="relativeDefocus">Defocus planes relative to the mean defocus, Å.</param>
    /// <param name="pixelSizeOffsets">Pixel-size planes as offsets from the nominal pixel size, Å ([0] when not
    /// searched).</param>
    /// <param name="sliceConvention">How rotation matrices and slices are computed from the angles.</param>
    public SearchSpace(
        IReadOnlyList<EulerAngles> orientations,
        IReadOnlyList<float> relativeDefocus,
        IReadOnlyList<float> pixelSizeOffsets,
        SliceConvention sliceConvention = SliceConvention.Exact)
    {
        ArgumentNullException.ThrowIfNull(orientations);
        ArgumentNullException.ThrowIfNull(relativeDefocus);
        ArgumentNullException.ThrowIfNull(pixelSizeOffsets);
        if (orientations.Count == 0 || relativeDefocus.Count == 0 || pixelSizeOffsets.Count == 0)
        {
            throw new ArgumentException("A search needs at least one orientation, one defocus plane and one pixel-size plane.");
        }

        var total = (long)orientations.Count * relativeDefocus.Count * pixelSizeOffsets.Count;
        if (total > int.MaxValue)
        {
            throw new ArgumentException($"The search space has {total} points; the best-index map holds at most {int.MaxValue}.");
        }

        _orientations = orientations.Select(a => a.RoundToSingle()).ToArray();
        _defocus = [.. relativeDefocus];
        _pixelSizeOffsets = [.. pixelSizeOffsets];
        SliceConvention = sliceConvention;
        _rotations = sliceConvention == SliceConvention.Leopard
            ? _orientations.Select(RomaFloat32Rotation.FromEuler).ToArray()
            : _orientations.Select(RotationMatrixF.FromEuler).ToArray();
    }

    /// <summary>The space of the first <paramref name="count"/> orientations (1 ≤ count ≤ M) with the same planes and
    /// convention; its global indices mean the same (orientation, plane) pairs with M = count.</summary>
    public SearchSpace FirstOrientations(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, OrientationCount);
        return new SearchSpace(_orientations[..count], _defocus, _pixelSizeOffsets, SliceConvention);
    }

    /// <summary>How <see cref="Rotation"/> matrices were computed and slices are extracted.</summary>
    public SliceConvention SliceConvention { get; }

    /// <summary>The float32 rotation matrix of orientation <paramref name="orientation"/>.</summary>
    public RotationMatrixF Rotation(int orientation) => _rotations[orientation];

    /// <summary>Orientations (float32-rounded degrees), in search order.</summary>
    public IReadOnlyList<EulerAngles> Orientations => _orientations;

    /// <summary>Relative defocus planes, Å.</summary>
    public IReadOnlyList<float> RelativeDefocus => _defocus;

    /// <summary>Pixel-size offsets, Å.</summary>
    public IReadOnlyList<float> PixelSizeOffsets => _pixelSizeOffsets;

    /// <summary>Number of orientations M.</summary>
    public int OrientationCount => _orientations.Length;

    /// <summary>Number of defocus planes D.</summary>
    public int DefocusCount => _defocus.Length;

    /// <summary>Number of pixel-size planes P.</summary>
    public int PixelSizeCount => _pixelSizeOffsets.Length;

    /// <summary>Total number of cross-correlations per pixel, M·D·P.</summary>
    public int Total => OrientationCount * DefocusCount * PixelSizeCount;

    /// <summary>
    /// A stable identity of the space (SHA-256, lowercase hex) over everything that decides what each global index
    /// means: the float32 orientations in order, the defocus planes, the pixel-size planes and the slice convention.
    /// Equal for equal spaces on any machine and run; partial results of different spaces can never be merged.
    /// </summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var word = new byte[4];
        void Add(float value)
        {
            BinaryPrimitives.WriteSingleLittleEndian(word, value);
            hash.AppendData(word);
        }

        void AddCount(int count)
        {
            BinaryPrimitives.WriteInt32LittleEndian(word, count);
            hash.AppendData(word);
        }

        hash.AppendData(System.Text.Encoding.ASCII.GetBytes($"leopard-search-space-v1 {SliceConvention}"));
        AddCount(_orientations.Length);
        foreach (var o in _orientations)
        {
            Add((float)o.Phi);
            Add((float)o.Theta);
            Add((float)o.Psi);
        }

        AddCount(_defocus.Length);
        foreach (var d in _defocus)
        {
            Add(d);
        }

        AddCount(_pixelSizeOffsets.Length);
        foreach (var p in _pixelSizeOffsets)
        {
            Add(p);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The global index of (pixel-size plane, defocus plane, orientation).</summary>
    public int GlobalIndex(int pixelSizePlane, int defocusPlane, int orientation) =>
        (pixelSizePlane * DefocusCount + defocusPlane) * OrientationCount + orientation;

    /// <summary>Splits a global index into its (pixel-size plane, defocus plane, orientation).</summary>
    public (int PixelSizePlane, int DefocusPlane, int Orientation) Decode(int globalIndex)
    {
        if ((uint)globalIndex >= (uint)Total)
        {
            throw new ArgumentOutOfRangeException(nameof(globalIndex), globalIndex, $"Outside the search space of {Total} points.");
        }

        var orientation = globalIndex % OrientationCount;
        var plane = globalIndex / OrientationCount;
        return (plane / DefocusCount, plane % DefocusCount, orientation);
    }
}
