using System.Collections.Concurrent;
using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>The transforms <see cref="FftwPlanCache"/> plans.</summary>
internal enum FftwPlanKind
{
    /// <summary>Batched 2-D real-to-complex.</summary>
    Forward2D,

    /// <summary>Batched 2-D complex-to-real.</summary>
    Inverse2D,

    /// <summary>3-D real-to-complex.</summary>
    Forward3D,

    /// <summary>3-D complex-to-real.</summary>
    Inverse3D,

    /// <summary>Batched 1-D real-to-complex along contiguous rows (Width = row length, Count = rows).</summary>
    ForwardRows,

    /// <summary>Batched 1-D complex-to-real along contiguous rows (Width = row length, Count = rows).</summary>
    InverseRows,

    /// <summary>In-place 1-D forward complex transforms of interleaved columns (Height = length, Count = columns).</summary>
    ForwardColumns,

    /// <summary>In-place 1-D inverse complex transforms of interleaved columns (Height = length, Count = columns).</summary>
    InverseColumns,

    /// <summary>In-place 1-D forward complex transforms of consecutive sequences (Height = length, Count = sequences).</summary>
    ForwardSequences,

    /// <summary>In-place 1-D inverse complex transforms of consecutive sequences (Height = length, Count = sequences).</summary>
    InverseSequences,
}

/// <summary>Identifies one FFTW plan. <paramref name="Aligned"/> plans may only run on 64-byte aligned arrays;
/// the others are planned with FFTW_UNALIGNED and accept any arrays. Row kinds use Depth = Height = 1, column and
/// sequence kinds Depth = Width = 1.</summary>
internal readonly record struct FftwPlanKey(FftwPlanKind Kind, int Depth, int Height, int Width, int Count, bool Aligned);

/// <summary>
/// Creates FFTW plans on first use and keeps them for the life of the cache (in practice the process), so every
/// thread and buffer of the same shape shares one plan through FFTW's thread-safe new-array execute functions. Plans
/// are made on scratch arrays, because MEASURE and PATIENT planning overwrite the arrays they are given.
/// </summary>
internal sealed unsafe class FftwPlanCache
{
    private readonly ConcurrentDictionary<FftwPlanKey, nint> _plans = new();
    private readonly uint _rigorFlags;
    private readonly FftwWisdomStore _wisdom;

    /// <summary>Plans with the given rigor, reading and extending the given wisdom store.</summary>
    public FftwPlanCache(FftwPlannerRigor rigor, FftwWisdomStore wisdom)
    {
        _rigorFlags = rigor.ToFlags();
        _wisdom = wisdom;
    }

    /// <summary>Number of plans created so far.</summary>
    public int Count => _plans.Count;

    /// <summary>The plan for <paramref name="key"/>, created (under the process-wide planner lock) if needed.</summary>
    public nint Get(in FftwPlanKey key) => _plans.TryGetValue(key, out var plan) ? plan : Create(key);

    private nint Create(FftwPlanKey key)
    {
        lock (FftwLibrary.PlannerLock)
        {
            if (_plans.TryGetValue(key, out var existing))
            {
                return existing;
            }

            _wisdom.ImportOnce();
            var plan = Plan(key);
            if (plan == 0)
            {
                throw new InvalidOperationException($"FFTW could not plan {key}.");
            }

            _plans[key] = plan;
            _wisdom.Export();
            return plan;
        }
    }

    private nint Plan(in FftwPlanKey key)
    {
        var complexWidth = key.Width / 2 + 1;
        long perItem = (long)key.Depth * key.Height;
        using var real = new AlignedBuffer<float>(perItem * key.Width * key.Count);
        using var complex = new AlignedBuffer<ComplexF>(perItem * complexWidth * key.Count);
        var alignment = key.Aligned ? 0u : FftwNative.Unaligned;
        var shape = stackalloc int[] { key.Height, key.Width };
        var realDistance = key.Height * key.Width;
        var complexDistance = key.Height * complexWidth;
        var length = shape + 1;
        var columns = shape;
        return key.Kind switch
        {
            FftwPlanKind.ForwardRows => FftwNative.PlanManyDftR2C(
                1, length, key.Count, real.Pointer, null, 1, key.Width, complex.Pointer, null, 1, complexWidth,
                _rigorFlags | alignment | FftwNative.PreserveInput),
            FftwPlanKind.InverseRows => FftwNative.PlanManyDftC2R(
                1, length, key.Count, complex.Pointer, null, 1, complexWidth, real.Pointer, null, 1, key.Width,
                _rigorFlags | alignment | FftwNative.DestroyInput),
            FftwPlanKind.ForwardColumns or FftwPlanKind.InverseColumns => FftwNative.PlanManyDft(
                1, columns, key.Count, complex.Pointer, null, key.Count, 1, complex.Pointer, null, key.Count, 1,
                key.Kind == FftwPlanKind.ForwardColumns ? FftwNative.ForwardSign : FftwNative.BackwardSign,
                _rigorFlags | alignment),
            FftwPlanKind.ForwardSequences or FftwPlanKind.InverseSequences => FftwNative.PlanManyDft(
                1, columns, key.Count, complex.Pointer, null, 1, key.Height, complex.Pointer, null, 1, key.Height,
                key.Kind == FftwPlanKind.ForwardSequences ? FftwNative.ForwardSign : FftwNative.BackwardSign,
                _rigorFlags | alignment),
            FftwPlanKind.Forward2D => FftwNative.PlanManyDftR2C(
                2, shape, key.Count, real.Pointer, null, 1, realDistance, complex.Pointer, null, 1, complexDistance,
                _rigorFlags | alignment | FftwNative.PreserveInput),
            FftwPlanKind.Inverse2D => FftwNative.PlanManyDftC2R(
                2, shape, key.Count, complex.Pointer, null, 1, complexDistance, real.Pointer, null, 1, realDistance,
                _rigorFlags | alignment | FftwNative.DestroyInput),
            FftwPlanKind.Forward3D => FftwNative.PlanDftR2C3D(
                key.Depth, key.Height, key.Width, real.Pointer, complex.Pointer,
                _rigorFlags | alignment | FftwNative.PreserveInput),
            FftwPlanKind.Inverse3D => FftwNative.PlanDftC2R3D(
                key.Depth, key.Height, key.Width, complex.Pointer, real.Pointer,
                _rigorFlags | alignment | FftwNative.DestroyInput),
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        };
    }
}
