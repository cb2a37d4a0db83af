using System.Diagnostics.CodeAnalysis;
using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>
/// Pure C# <see cref="IFftEngine"/>, used when FFTW is not installed. Correct for every size (mixed radix 2/3/4/5 and
/// generic small primes, Bluestein for larger primes), single-precision data with twiddles computed in double.
/// Multi-dimensional transforms are separable: real transforms along rows, then complex transforms down columns
/// (and along z), processed in blocks of adjacent columns so the inner loops stay unit-stride. Each call runs on the
/// calling thread; callers parallelise over transforms.
/// </summary>
public sealed unsafe class ManagedFftEngine : IFftEngine
{
    // Columns gathered per block: 16 complex values are two cache lines per row.
    private const int ColumnBlock = 16;

    // Narrow arrays (the correlation's 32-column blocks) need no gathering.
    private const int DirectColumns = 32;

    /// <inheritdoc />
    public string Name => "managed";

    /// <inheritdoc />
    public string Location
    {
        [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "A single-file app has no assembly path; the empty Location falls back to the assembly name.")]
        get
        {
            var assembly = typeof(ManagedFftEngine).Assembly;
            return string.IsNullOrEmpty(assembly.Location) ? assembly.GetName().Name ?? "LeopardEm" : assembly.Location;
        }
    }

    /// <inheritdoc />
    public void Forward2D(ReadOnlySpan<float> input, Span<ComplexF> output, int height, int width, int count = 1)
    {
        var (realItem, complexItem) = FftArguments.Check(input, output, 1, height, width, count);
        for (var i = 0; i < count; i++)
        {
            Forward(input.Slice(i * realItem, realItem), output.Slice(i * complexItem, complexItem), 1, height, width);
        }
    }

    /// <inheritdoc />
    public void Inverse2D(Span<ComplexF> input, Span<float> output, int height, int width, int count = 1)
    {
        var (realItem, complexItem) = FftArguments.Check(output, input, 1, height, width, count);
        for (var i = 0; i < count; i++)
        {
            Inverse(input.Slice(i * complexItem, complexItem), output.Slice(i * realItem, realItem), 1, height, width);
        }
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
            ForwardRows(real, complex, length, count);
        }
    }

    /// <inheritdoc />
    public void InverseRows(Span<ComplexF> input, Span<float> output, int length, int count)
    {
        FftArguments.Check(output, input, 1, 1, length, count);
        fixed (ComplexF* complex = input)
        fixed (float* real = output)
        {
            InverseRows(complex, real, length, count);
        }
    }

    /// <inheritdoc />
    public void TransformColumns(Span<ComplexF> data, int length, int count, TransformDirection direction)
    {
        FftArguments.CheckColumns(data, length, count);
        fixed (ComplexF* complex = data)
        {
            TransformColumns(complex, length, count, direction == TransformDirection.Inverse);
        }
    }

    /// <inheritdoc />
    public void TransformSequences(Span<ComplexF> data, int length, int count, TransformDirection direction)
    {
        FftArguments.CheckColumns(data, length, count);
        var plan = ManagedFftPlans.Complex(length);
        var scratch = ManagedFftScratch.Plan(plan.ScratchLength(1));
        fixed (ComplexF* complex = data)
        {
            for (var q = 0; q < count; q++)
            {
                plan.Transform(complex + (nint)q * length, scratch, 1, direction == TransformDirection.Inverse);
            }
        }
    }

    /// <inheritdoc />
    public void Forward3D(ReadOnlySpan<float> input, Span<ComplexF> output, int depth, int height, int width)
    {
        var (realItem, complexItem) = FftArguments.Check(input, output, depth, height, width, 1);
        Forward(input[..realItem], output[..complexItem], depth, height, width);
    }

    /// <inheritdoc />
    public void Inverse3D(Span<ComplexF> input, Span<float> output, int depth, int height, int width)
    {
        var (realItem, complexItem) = FftArguments.Check(output, input, depth, height, width, 1);
        Inverse(input[..complexItem], output[..realItem], depth, height, width);
    }

    private static void Forward(ReadOnlySpan<float> input, Span<ComplexF> output, int depth, int height, int width)
    {
        var complexWidth = width / 2 + 1;
        var plane = height * complexWidth;
        fixed (float* real = input)
        fixed (ComplexF* complex = output)
        {
            ForwardRows(real, complex, width, depth * height);

            for (var z = 0; z < depth; z++)
            {
                TransformColumns(complex + (nint)z * plane, height, complexWidth, inverse: false);
            }

            TransformColumns(complex, depth, plane, inverse: false);
        }
    }

    private static void Inverse(Span<ComplexF> input, Span<float> output, int depth, int height, int width)
    {
        var complexWidth = width / 2 + 1;
        var plane = height * complexWidth;
        fixed (ComplexF* complex = input)
        fixed (float* real = output)
        {
            TransformColumns(complex, depth, plane, inverse: true);
            for (var z = 0; z < depth; z++)
            {
                TransformColumns(complex + (nint)z * plane, height, complexWidth, inverse: true);
            }

            InverseRows(complex, real, width, depth * height);
        }

        FftScaling.Scale(output, FftScaling.InverseScale((long)depth * height * width));
    }

    private static void ForwardRows(float* real, ComplexF* complex, int length, int count)
    {
        var complexWidth = length / 2 + 1;
        var rows = ManagedFftPlans.Real(length);
        for (var r = 0; r < count; r++)
        {
            rows.Forward(real + (nint)r * length, complex + (nint)r * complexWidth);
        }
    }

    private static void InverseRows(ComplexF* complex, float* real, int length, int count)
    {
        var complexWidth = length / 2 + 1;
        var rows = ManagedFftPlans.Real(length);
        for (var r = 0; r < count; r++)
        {
            rows.Inverse(complex + (nint)r * complexWidth, real + (nint)r * length);
        }
    }

    // Complex DFTs of length `rows` down every column of a rows x rowLength array. Up to DirectColumns columns are
    // transformed where they lie (they are already interleaved sequences); wider arrays a block of adjacent columns at
    // a time, gathered into contiguous scratch so the passes stay in cache.
    private static void TransformColumns(ComplexF* data, int rows, int rowLength, bool inverse)
    {
        if (rows == 1)
        {
            return;
        }

        var plan = ManagedFftPlans.Complex(rows);
        if (rowLength <= DirectColumns)
        {
            plan.Transform(data, ManagedFftScratch.Plan(plan.ScratchLength(rowLength)), rowLength, inverse);
            return;
        }

        var block = ManagedFftScratch.Columns(rows * Math.Min(ColumnBlock, rowLength));
        var scratch = ManagedFftScratch.Plan(plan.ScratchLength(Math.Min(ColumnBlock, rowLength)));
        for (var c0 = 0; c0 < rowLength; c0 += ColumnBlock)
        {
            var width = Math.Min(ColumnBlock, rowLength - c0);
            var bytes = (long)width * sizeof(ComplexF);
            for (var r = 0; r < rows; r++)
            {
                Buffer.MemoryCopy(data + (nint)r * rowLength + c0, block + (nint)r * width, bytes, bytes);
            }

            plan.Transform(block, scratch, width, inverse);
            for (var r = 0; r < rows; r++)
            {
                Buffer.MemoryCopy(block + (nint)r * width, data + (nint)r * rowLength + c0, bytes, bytes);
            }
        }
    }
}
