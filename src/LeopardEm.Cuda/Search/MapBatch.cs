using LeopardEm.Orientations;

namespace LeopardEm.Cuda.Search;

/// <summary>
/// The correlation maps of one device batch, described on the host: a list of rotations (one central slice each) and,
/// per map, which slice and which projective-filter plane it combines, plus a caller's tag (the global search index,
/// or the orientation offset of a refinement). Maps are kept in the order they were added, which is the order their
/// values are folded into statistics, so a run's results do not depend on where batches start and end.
/// </summary>
internal sealed class MapBatch
{
    private readonly float[] _rotations;
    private readonly int[] _sliceOf;
    private readonly int[] _planeOf;
    private readonly int[] _tags;

    /// <summary>An empty batch of at most <paramref name="capacity"/> maps (and as many slices).</summary>
    public MapBatch(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _rotations = new float[9L * capacity];
        _sliceOf = new int[capacity];
        _planeOf = new int[capacity];
        _tags = new int[capacity];
    }

    /// <summary>Most maps the batch holds.</summary>
    public int Capacity { get; }

    /// <summary>Maps added.</summary>
    public int Maps { get; private set; }

    /// <summary>Slices (rotations) added.</summary>
    public int Slices { get; private set; }

    /// <summary>True when no map can be added.</summary>
    public bool IsFull => Maps == Capacity;

    /// <summary>The slices' rotations, row-major 3x3 each, 9 floats apart.</summary>
    public ReadOnlySpan<float> Rotations => _rotations.AsSpan(0, 9 * Slices);

    /// <summary>Slice of each map.</summary>
    public ReadOnlySpan<int> SliceOf => _sliceOf.AsSpan(0, Maps);

    /// <summary>Projective-filter plane of each map.</summary>
    public ReadOnlySpan<int> PlaneOf => _planeOf.AsSpan(0, Maps);

    /// <summary>The caller's tag of each map.</summary>
    public ReadOnlySpan<int> Tags => _tags.AsSpan(0, Maps);

    /// <summary>Starts a slice: the maps added next use <paramref name="rotation"/>.</summary>
    public void StartSlice(in RotationMatrixF rotation)
    {
        if (Slices == Capacity)
        {
            throw new InvalidOperationException("The batch holds no more slices.");
        }

        rotation.CopyTo(_rotations.AsSpan(9 * Slices, 9));
        Slices++;
    }

    /// <summary>Adds a map of the current slice with projective filter <paramref name="plane"/>.</summary>
    public void AddMap(int plane, int tag)
    {
        if (Slices == 0 || IsFull)
        {
            throw new InvalidOperationException(Slices == 0 ? "Start a slice before adding maps." : "The batch is full.");
        }

        _sliceOf[Maps] = Slices - 1;
        _planeOf[Maps] = plane;
        _tags[Maps] = tag;
        Maps++;
    }

    /// <summary>Empties the batch.</summary>
    public void Clear() => (Maps, Slices) = (0, 0);
}
