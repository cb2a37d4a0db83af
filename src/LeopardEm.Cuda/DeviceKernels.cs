using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;
using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Projection;
using LeopardEm.Cuda.Refine;
using LeopardEm.Cuda.Search;
using LeopardEm.Imaging;

namespace LeopardEm.Cuda;

/// <summary>
/// The kernels of the device pipeline compiled for one accelerator, each with the launch shape it needs. Compiling
/// costs time (a fraction of a second per kernel), so a kernel is compiled on first use and kept as long as its
/// accelerator (<see cref="For"/>); launches are queued on the accelerator's default stream.
/// </summary>
internal sealed class DeviceKernels
{
    private static readonly ConditionalWeakTable<Accelerator, DeviceKernels> Compiled = [];
    private readonly Accelerator _accelerator;
    private readonly Lazy<Action<KernelConfig, SliceGeometry, ArrayView<ComplexF>, ArrayView<float>, ArrayView<ComplexF>, int>> _slices;
    private readonly Lazy<Action<KernelConfig, ArrayView<ComplexF>, ArrayView<float>, ArrayView<ComplexF>, ArrayView<int>, ArrayView<int>, int, int>> _filters;
    private readonly Lazy<Action<KernelConfig, TemplateGeometry, ArrayView<float>, ArrayView<float>>> _normalize;
    private readonly Lazy<Action<KernelConfig, ArrayView<ComplexF>, ArrayView<ComplexF>, long, int>> _product;
    private readonly Lazy<Action<KernelConfig, StatisticsLayout, ArrayView<float>, ArrayView<int>, int, ArrayView<float>, ArrayView<int>, ArrayView<double>, ArrayView<double>>> _statistics;
    private readonly Lazy<Action<KernelConfig, RefineLayout, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>>> _refine;

    /// <summary>The kernels of <paramref name="accelerator"/>, shared by all its pipelines.</summary>
    public static DeviceKernels For(Accelerator accelerator) => Compiled.GetValue(accelerator, a => new DeviceKernels(a));

    // Prepares (lazily) the kernels for `accelerator`.
    private DeviceKernels(Accelerator accelerator)
    {
        _accelerator = accelerator;
        _slices = new(() => accelerator.LoadStreamKernel<SliceGeometry, ArrayView<ComplexF>, ArrayView<float>, ArrayView<ComplexF>, int>(
            SliceKernel.Extract));
        _filters = new(() => accelerator.LoadStreamKernel<ArrayView<ComplexF>, ArrayView<float>, ArrayView<ComplexF>, ArrayView<int>, ArrayView<int>, int, int>(
            TemplateKernels.ApplyFilters));
        _normalize = new(() => accelerator.LoadStreamKernel<TemplateGeometry, ArrayView<float>, ArrayView<float>>(TemplateKernels.Normalize));
        _product = new(() => accelerator.LoadStreamKernel<ArrayView<ComplexF>, ArrayView<ComplexF>, long, int>(
            ConjugateProductKernel.MultiplyInto));
        _statistics = new(() => accelerator.LoadStreamKernel<
            StatisticsLayout, ArrayView<float>, ArrayView<int>, int, ArrayView<float>, ArrayView<int>, ArrayView<double>, ArrayView<double>>(
            StatisticsKernel.Accumulate));
        _refine = new(() => accelerator.LoadStreamKernel<
            RefineLayout, ArrayView<float>, int, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>>(
            RefineScoreKernel.BestPerRow));
    }

    /// <summary>See <see cref="SliceKernel.Extract"/>.</summary>
    public void ExtractSlices(SliceGeometry geometry, ArrayView<ComplexF> volume, ArrayView<float> rotations, ArrayView<ComplexF> slices, int count) =>
        _slices.Value(LaunchShape.GridStride(_accelerator, geometry.Length), geometry, volume, rotations, slices, count);

    /// <summary>See <see cref="TemplateKernels.ApplyFilters"/>.</summary>
    public void ApplyFilters(
        ArrayView<ComplexF> slices, ArrayView<float> filters, ArrayView<ComplexF> filtered, ArrayView<int> sliceOf, ArrayView<int> planeOf,
        int maps, int length) =>
        _filters.Value(LaunchShape.GridStride(_accelerator, length), slices, filters, filtered, sliceOf, planeOf, maps, length);

    /// <summary>See <see cref="TemplateKernels.Normalize"/>; <paramref name="count"/> templates.</summary>
    public void NormalizeTemplates(TemplateGeometry geometry, ArrayView<float> projections, ArrayView<float> padded, int count) =>
        _normalize.Value(LaunchShape.GroupPerItem(_accelerator, count), geometry, projections, padded);

    /// <summary>See <see cref="ConjugateProductKernel.MultiplyInto"/>.</summary>
    public void MultiplyConjugate(ArrayView<ComplexF> image, ArrayView<ComplexF> spectra, long length, int count) =>
        _product.Value(LaunchShape.GridStride(_accelerator, length), image, spectra, length, count);

    /// <summary>See <see cref="StatisticsKernel.Accumulate"/>.</summary>
    public void AccumulateStatistics(
        StatisticsLayout layout, ArrayView<float> correlations, ArrayView<int> globalIndex, int maps,
        ArrayView<float> mip, ArrayView<int> bestIndex, ArrayView<double> sum, ArrayView<double> sumOfSquares) =>
        _statistics.Value(
            LaunchShape.GridStride(_accelerator, layout.Pixels), layout, correlations, globalIndex, maps, mip, bestIndex, sum, sumOfSquares);

    /// <summary>See <see cref="RefineScoreKernel.BestPerRow"/>.</summary>
    public void ScoreRefineRows(
        RefineLayout layout, ArrayView<float> correlations, int maps, ArrayView<float> mean, ArrayView<float> standardDeviation,
        ArrayView<float> bestZ, ArrayView<float> bestCc, ArrayView<int> bestX) =>
        _refine.Value(
            LaunchShape.GridStride(_accelerator, (long)maps * layout.CropHeight), layout, correlations, maps, mean, standardDeviation, bestZ, bestCc, bestX);
}
