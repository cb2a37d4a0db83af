using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>
/// <see cref="IFftEngine"/> on the native single-precision FFTW 3 library. One cached plan per shape serves every
/// thread and buffer through FFTW's new-array execute functions; 64-byte aligned buffers (both of them) get SIMD
/// plans, any other buffers get FFTW_UNALIGNED plans. The two kinds of plan may round differently in the last bit, so
/// bit-reproducible results need consistently aligned (or consistently unaligned) buffers. Obtain it from
/// <see cref="FftEngines"/>.
/// </summary>
public sealed unsafe class FftwEngine : IFftEngine
{
    private readonly FftwPlanCache _plans;
    private readonly FftwWisdomStore _wisdom;

    internal FftwEngine(FftwPlannerRigor rigor, FftwWisdomStore wisdom)
    {
        if (!FftwLibrary.IsAvailable)
        {
            throw new InvalidOperationException(FftwLibrary.Error);
        }

        PlannerRigor = rigor;
        _wisdom = wisdom;
        _plans = new FftwPlanCache(rigor, wisdom);
    }

    /// <inheritdoc />
    public string Name => "fftw";

    /// <inheritdoc />
    public string Location => FftwLibrary.Path;

    /// <summary>FFTW's version string, e.g. <c>fftw-3.3.10-sse2-avx</c>.</summary>
    public string Version => FftwLibrary.Version;

    /// <summary>The planner rigor used for new shapes (from <c>LEOPARD_FFTW_PLANNER</c>).</summary>
    public FftwPlannerRigor PlannerRigor { get; }

    /// <summary>The wisdom file read at the first planning and rewritten after each new plan, or null when wisdom is
    /// disabled.</summary>
    public string? WisdomPath => _wisdom.Path;

    /// <summary>Number of FFTW plans this engine has created.</summary>
    public int PlanCount => _plans.Count;

    /// <inheritdoc />
    public void Forward2D(ReadOnlySpan<float> input, Span<ComplexF> output, int height, int width, int count = 1)
    {
        FftArguments.Check(input, output, 1, height, width, count);
        fixed (float* real = input)
        fixed (ComplexF* complex = output)
        {
            var plan = _plans.Get(new FftwPlanKey(FftwPlanKind.Forward2D, 1, height, width, count, IsAligned(real, complex)));
            FftwNative.ExecuteDftR2C(plan, real, complex);
        }
    }

    /// <inheritdoc />
    public void Inverse2D(Span<ComplexF> input, Span<float> output, int height, int width, int count = 1)
    {
        var (realItem, _) = FftArguments.Check(output, input, 1, height, width, count);
        fixed (ComplexF* complex = input)
        fixed (float* real = output)
        {
            var plan = _plans.Get(new FftwPlanKey(FftwPlanKind.Inverse2D, 1, height, width, count, IsAligned(real, complex)));
            FftwNative.ExecuteDftC2R(plan, complex, real);
        }

        FftScaling.Scale(output[..(realItem * count)], FftScaling.InverseScale(realItem));
    }

    /// <inheritdoc />
    public void ForwardPadded2D(ReadOnlySpan<float> block, int blockHeight, int blockWidth, Span<ComplexF> output, int height, int width) =>
        PaddedForwardTransform.Run(this, block, blockHeight, blockWidth, output, height, width);

    /// <inheritdoc />
    public void ForwardRows(ReadOnlySpan<float> input, Span<ComplexF> output, int length, int count)
    {
        FftArguments.Check(input, output, 1, 1, length, count);
        fixed (float* real = input)
        fixed (ComplexF* complex = output)
        {
            var plan = _plans.Get(new FftwPlanKey(FftwPlanKind.ForwardRows, 1, 1, length, count, IsAligned(real, complex)));
            FftwNative.ExecuteDftR2C(plan, real, complex);
        }
    }

    /// <inheritdoc />
    public void InverseRows(Span<ComplexF> input, Span<float> output, int length, int count)
    {
        FftArguments.Check(output, input, 1, 1, length, count);
        fixed (ComplexF* complex = input)
        fixed (float* real = output)
        {
            var plan = _plans.Get(new FftwPlanKey(FftwPlanKind.InverseRows, 1, 1, length, count, IsAligned(real, complex)));
            FftwNative.ExecuteDftC2R(plan, complex, real);
        }
    }

    /// <inheritdoc />
    public void TransformColumns(Span<ComplexF> data, int length, int count, TransformDirection direction) =>
        TransformInPlace(
            data, length, count, direction == TransformDirection.Forward ? FftwPlanKind.ForwardColumns : FftwPlanKind.InverseColumns);

    /// <inheritdoc />
    public void TransformSequences(Span<ComplexF> data, int length, int count, TransformDirection direction) =>
        TransformInPlace(
            data, length, count, direction == TransformDirection.Forward ? FftwPlanKind.ForwardSequences : FftwPlanKind.InverseSequences);

    /// <inheritdoc />
    public void Forward3D(ReadOnlySpan<float> input, Span<ComplexF> output, int depth, int height, int width)
    {
        FftArguments.Check(input, output, depth, height, width, 1);
        fixed (float* real = input)
        fixed (ComplexF* complex = output)
        {
            var plan = _plans.Get(new FftwPlanKey(FftwPlanKind.Forward3D, depth, height, width, 1, IsAligned(real, complex)));
            FftwNative.ExecuteDftR2C(plan, real, complex);
        }
    }

    /// <inheritdoc />
    public void Inverse3D(Span<ComplexF> input, Span<float> output, int depth, int height, int width)
    {
        var (realItem, _) = FftArguments.Check(output, input, depth, height, width, 1);
        fixed (ComplexF* complex = input)
        fixed (float* real = output)
        {
            var plan = _plans.Get(new FftwPlanKey(FftwPlanKind.Inverse3D, depth, height, width, 1, IsAligned(real, complex)));
            FftwNative.ExecuteDftC2R(plan, complex, real);
        }

        FftScaling.Scale(output[..realItem], FftScaling.InverseScale(realItem));
    }

    private void TransformInPlace(Span<ComplexF> data, int length, int count, FftwPlanKind kind)
    {
        FftArguments.CheckColumns(data, length, count);
        fixed (ComplexF* complex = data)
        {
            var plan = _plans.Get(new FftwPlanKey(kind, 1, length, 1, count, IsAligned((float*)complex, complex)));
            FftwNative.ExecuteDft(plan, complex, complex);
        }
    }

    // New-array execute needs arrays aligned like the planning arrays; aligned plans were made on 64-byte aligned
    // scratch, so only pointers with that alignment may use them.
    private static bool IsAligned(float* real, ComplexF* complex) =>
        (((nuint)real | (nuint)complex) & (AlignedBuffer<float>.Alignment - 1)) == 0;
}
