using ILGPU;
using ILGPU.Runtime;
using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Fft;
using LeopardEm.Cuda.Projection;
using LeopardEm.Cuda.Refine;
using LeopardEm.Cuda.Search;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Orientations;
using LeopardEm.Projection;
using LeopardEm.Search;

namespace LeopardEm.Cuda.Diagnostics;

/// <summary>
/// Checks that a device computes what the CPU code computes, on the small search of <see cref="ConformanceScene"/>:
/// each kernel stage against its CPU counterpart, the device search backend against <see cref="CpuCorrelationBackend"/>
/// (and its MIP and best index against itself across batch sizes and shards, bit for bit), and the device refine
/// backend against <see cref="CpuRefineBackend"/>. Tolerances allow a GPU's fused multiply-adds and cuFFT's rounding
/// (a few 1e-7 relative per stage); on ILGPU's CPU accelerator most stages agree exactly. Used by the tests and by the
/// GPU check program.
/// </summary>
public static class DeviceConformance
{
    /// <summary>Relative tolerance of slices, templates, MIP, mean, standard deviation, z-scores.</summary>
    public const double RelativeTolerance = 1e-5;

    /// <summary>Runs every check on the device of <paramref name="session"/>.</summary>
    /// <param name="session">The device.</param>
    /// <param name="hostFft">CPU engine for the references (and the transforms on the CPU accelerator);
    /// <see cref="FftEngines.Default"/> when null.</param>
    public static IReadOnlyList<ConformanceCheck> RunAll(DeviceSession session, IFftEngine? hostFft = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var engine = hostFft ?? FftEngines.Default;
        var accelerator = session.Accelerator;
        return [
            .. Slices(accelerator, engine, SliceConvention.Exact),
            .. Slices(accelerator, engine, SliceConvention.Leopard),
            .. Templates(accelerator, engine),
            .. Statistics(accelerator),
            .. Search(session, engine),
            .. Refine(session, engine),
        ];
    }

    /// <summary>Central slices of the scene's rotations against <see cref="FourierSlicer.ExtractForSearch(TemplateSpectrum, in RotationMatrixF, Span{ComplexF}, SliceConvention)"/>.</summary>
    public static IReadOnlyList<ConformanceCheck> Slices(Accelerator accelerator, IFftEngine engine, SliceConvention convention)
    {
        var scene = new ConformanceScene(engine, convention);
        RotationMatrixF[] rotations = [.. Enumerable.Range(0, scene.Space.OrientationCount).Select(scene.Space.Rotation)];
        var device = DeviceSlices(accelerator, DeviceKernels.For(accelerator), scene.Template, rotations, convention);
        var length = scene.Template.Size * scene.Template.HalfWidth;
        var reference = new ComplexF[device.Length];
        for (var o = 0; o < rotations.Length; o++)
        {
            FourierSlicer.ExtractForSearch(scene.Template, rotations[o], reference.AsSpan(o * length, length), convention);
        }

        double error = 0, scale = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            error = Math.Max(error, Math.Max(Math.Abs(device[i].Re - reference[i].Re), Math.Abs(device[i].Im - reference[i].Im)));
            scale = Math.Max(scale, Math.Max(Math.Abs(reference[i].Re), Math.Abs(reference[i].Im)));
        }

        return [new ConformanceCheck(
            $"slices.{convention.ToString().ToLowerInvariant()}", error / scale, RelativeTolerance,
            $"max |device − CPU| / max |CPU| over {rotations.Length} slices of a {scene.Template.Size}³ template")];
    }

    /// <summary>Normalised, zero-padded templates (slice x filter → c2r → centre → normalise → pad) against the CPU
    /// pieces; the padding must stay exactly zero.</summary>
    public static IReadOnlyList<ConformanceCheck> Templates(Accelerator accelerator, IFftEngine engine)
    {
        var scene = new ConformanceScene(engine);
        const int n = ConformanceScene.TemplateSize, size = ConformanceScene.ImageSize;
        var orientations = scene.Space.OrientationCount;
        var planes = scene.Filters.Length;
        using var binding = accelerator.BindScoped();
        using var correlator = new DeviceCorrelator(
            accelerator, DeviceKernels.For(accelerator), DeviceFft.Create(accelerator, engine), scene.Template, scene.Space.SliceConvention,
            planes, size, size, orientations * planes);
        correlator.SetImage(scene.ImageSpectrum);
        correlator.SetFilters(scene.Filters);
        var batch = new MapBatch(orientations * planes);
        for (var o = 0; o < orientations; o++)
        {
            batch.StartSlice(scene.Space.Rotation(o));
            for (var p = 0; p < planes; p++)
            {
                batch.AddMap(p, 0);
            }
        }

        correlator.Correlate(batch, size, size);
        var frames = correlator.Templates.SubView(0, batch.Maps * correlator.MapLength).GetAsArray();
        double error = 0, scale = 0, padding = 0;
        for (var o = 0; o < orientations; o++)
        {
            for (var p = 0; p < planes; p++)
            {
                var reference = scene.ReferenceTemplate(o, p);
                var frame = frames.AsSpan((int)((o * planes + p) * correlator.MapLength), size * size);
                for (var y = 0; y < size; y++)
                {
                    for (var x = 0; x < size; x++)
                    {
                        var value = frame[y * size + x];
                        if (y < n && x < n)
                        {
                            error = Math.Max(error, Math.Abs(value - reference[y * n + x]));
                            scale = Math.Max(scale, Math.Abs(reference[y * n + x]));
                        }
                        else
                        {
                            padding = Math.Max(padding, Math.Abs(value));
                        }
                    }
                }
            }
        }

        return [
            new ConformanceCheck(
                "templates.values", error / scale, RelativeTolerance,
                $"max |device − CPU| / max |CPU| over {orientations * planes} normalised {n} x {n} templates"),
            new ConformanceCheck("templates.padding", padding, 0, $"max |value| outside the template in its {size} x {size} frame"),
        ];
    }

    /// <summary>The statistics kernel against <see cref="SearchStatistics.Add"/> on maps with many exact ties and a
    /// few NaN, in two batches (ties across batches must go to the lower index).</summary>
    public static IReadOnlyList<ConformanceCheck> Statistics(Accelerator accelerator)
    {
        const int height = 7, width = 9, frameWidth = 10, frameHeight = 8, planes = 2, orientations = 5;
        var random = new Random(5);
        var maps = new float[orientations * planes][];
        for (var m = 0; m < maps.Length; m++)
        {
            // Values from a set of eight, so most pixels tie; a NaN in a few maps.
            maps[m] = Enumerable.Range(0, frameHeight * frameWidth).Select(_ => random.Next(8) * 0.25f - 1f).ToArray();
            if (m % 3 == 1)
            {
                maps[m][random.Next(height) * frameWidth + random.Next(width)] = float.NaN;
            }
        }

        var reference = new SearchStatistics(height, width);
        for (var o = 0; o < orientations; o++)
        {
            for (var p = 0; p < planes; p++)
            {
                reference.Add(maps[o * planes + p], frameWidth, p * orientations + o);
            }
        }

        var layout = new StatisticsLayout(height, width, frameHeight, frameWidth);
        var kernels = DeviceKernels.For(accelerator);
        using var binding = accelerator.BindScoped();
        using var correlations = accelerator.Allocate1D(maps.SelectMany(m => m).ToArray());
        // Map o·P + p has global index p·M + o.
        using var indices = accelerator.Allocate1D(Enumerable.Range(0, maps.Length).Select(m => m % planes * orientations + m / planes).ToArray());
        using var mip = accelerator.Allocate1D(Enumerable.Repeat(float.NegativeInfinity, height * width).ToArray());
        using var best = accelerator.Allocate1D(Enumerable.Repeat(-1, height * width).ToArray());
        using var sum = accelerator.Allocate1D<double>(height * width);
        using var squares = accelerator.Allocate1D<double>(height * width);
        sum.MemSetToZero();
        squares.MemSetToZero();
        // Batches of 3 and 2 orientations, the second first: order must not matter for the maximum.
        var split = 3 * planes;
        kernels.AccumulateStatistics(
            layout, correlations.View.AsContiguous().SubView(split * layout.MapLength), indices.View.SubView(split, maps.Length - split), maps.Length - split,
            mip.View, best.View, sum.View, squares.View);
        kernels.AccumulateStatistics(layout, correlations.View, indices.View, split, mip.View, best.View, sum.View, squares.View);
        var (deviceMip, deviceBest) = (mip.GetAsArray1D(), best.GetAsArray1D());
        var (deviceSum, deviceSquares) = (sum.GetAsArray1D(), squares.GetAsArray1D());
        var mismatches = 0;
        double sumError = 0;
        for (var i = 0; i < height * width; i++)
        {
            if (!deviceMip[i].Equals(reference.Mip[i]) || deviceBest[i] != reference.BestIndex[i])
            {
                mismatches++;
            }

            sumError = Math.Max(sumError, Math.Max(RelativeDifference(deviceSum[i], reference.Sum[i]), RelativeDifference(deviceSquares[i], reference.SumOfSquares[i])));
        }

        return [
            new ConformanceCheck("statistics.max", mismatches, 0, $"pixels whose MIP or best index differ, of {height * width}, {maps.Length} maps with ties and NaN"),
            new ConformanceCheck("statistics.sums", sumError, 1e-12, "max relative difference of sum and sum of squares (NaN where the CPU has NaN)"),
        ];
    }

    /// <summary>The device search backend against <see cref="CpuCorrelationBackend"/> with batches of 3 orientations (the
    /// last one partial); and its MIP and best index, bit for bit, with batches of 1 and 8 orientations and over 3
    /// merged shards of the global index.</summary>
    public static IReadOnlyList<ConformanceCheck> Search(DeviceSession session, IFftEngine engine)
    {
        ArgumentNullException.ThrowIfNull(session);
        var scene = new ConformanceScene(engine);
        using var inputs = scene.Inputs();
        var cpu = new CpuCorrelationBackend(engine).Run(inputs, new SearchRunOptions { Threads = 1 }, null, CancellationToken.None);
        var backend = new DeviceCorrelationBackend(new DeviceGroup([session]), engine);
        SearchStatistics Run(int batch, SearchRange? range = null) =>
            backend.Run(inputs, new SearchRunOptions { OrientationBatchSize = batch, Range = range }, null, CancellationToken.None);
        var device = Run(3);

        var maps = scene.ReferenceMaps();
        var count = (double)cpu.Count;
        double mipError = 0, meanError = 0, stdError = 0;
        int indexMismatches = 0, clear = 0;
        for (var i = 0; i < cpu.Mip.Length; i++)
        {
            var mean = cpu.Sum[i] / count;
            var std = Math.Sqrt(Math.Max(cpu.SumOfSquares[i] / count - mean * mean, 0));
            var deviceMean = device.Sum[i] / count;
            var deviceStd = Math.Sqrt(Math.Max(device.SumOfSquares[i] / count - deviceMean * deviceMean, 0));
            var scale = Math.Max(Math.Abs(cpu.Mip[i]), std);
            mipError = Math.Max(mipError, Math.Abs(device.Mip[i] - cpu.Mip[i]) / scale);
            meanError = Math.Max(meanError, Math.Abs(deviceMean - mean) / std);
            stdError = Math.Max(stdError, Math.Abs(deviceStd - std) / std);
            // The winner is only defined where it beats the runner-up by more than both sides' rounding.
            var values = maps.Select(map => (double)map[i]).OrderDescending().ToArray();
            if (values[0] - values[1] > 4 * RelativeTolerance * scale)
            {
                clear++;
                indexMismatches += device.BestIndex[i] == cpu.BestIndex[i] ? 0 : 1;
            }
        }

        var total = inputs.Space.Total;
        var merged = Run(8, SearchRange.Shard(2, 3, total));
        merged.Merge(Run(1, SearchRange.Shard(0, 3, total)));
        merged.Merge(Run(5, SearchRange.Shard(1, 3, total)));
        var differing = 0;
        foreach (var other in new[] { Run(1), Run(8), merged })
        {
            differing += Enumerable.Range(0, device.Mip.Length)
                .Count(i => !device.Mip[i].Equals(other.Mip[i]) || device.BestIndex[i] != other.BestIndex[i]);
        }

        var region = $"{device.Height} x {device.Width} region, {cpu.Count} correlations";
        return [
            new ConformanceCheck("search.count", Math.Abs(device.Count - cpu.Count), 0, "correlations counted"),
            new ConformanceCheck("search.mip", mipError, RelativeTolerance, $"max |ΔMIP| / max(|MIP|, std) over the {region}"),
            new ConformanceCheck("search.best-index", indexMismatches, 0, $"best-index mismatches at the {clear} pixels whose maximum is clear"),
            new ConformanceCheck("search.mean", meanError, RelativeTolerance, "max |Δmean| / std"),
            new ConformanceCheck("search.std", stdError, RelativeTolerance, "max |Δstd| / std"),
            new ConformanceCheck(
                "search.deterministic", differing, 0,
                "pixels whose MIP or best index differ from the batch-3 run, summed over batches of 1 and 8 and 3 merged shards"),
        ];
    }

    /// <summary>The device refine backend against <see cref="CpuRefineBackend"/> on one particle: 5 orientation offsets
    /// x 3 defocus offsets x 2 pixel-size offsets over a 9 x 9 crop, a few positions without statistics, in batches of
    /// 12 maps (offsets split across batches).</summary>
    public static IReadOnlyList<ConformanceCheck> Refine(DeviceSession session, IFftEngine engine)
    {
        ArgumentNullException.ThrowIfNull(session);
        var scene = new ConformanceScene(engine);
        const int n = ConformanceScene.TemplateSize, box = n + 8;
        var random = new Random(17);
        EulerAngles[] offsets = [new(0, 0, 0), new(2, 0, 0), new(0, 2, 0), new(0, 0, 2), new(-2, -2, 0)];
        var search = new RefineSearch(
            scene.Template, box, box, new LocalOffsetGrid(offsets, LocalGridConvention.Symmetric), [-100f, 0f, 100f], [0f, 0.02f]);
        var boxImage = Enumerable.Range(0, box * box).Select(_ => (float)(2 * random.NextDouble() - 1)).ToArray();
        var boxSpectrum = new ComplexF[box * (box / 2 + 1)];
        engine.Forward2D(boxImage, boxSpectrum, box, box);
        var crop = search.CropHeight * search.CropWidth;
        var mean = Enumerable.Range(0, crop).Select(_ => (float)(0.1 * random.NextDouble())).ToArray();
        var std = Enumerable.Range(0, crop).Select(i => i % 7 == 3 ? 0f : (float)(0.5 + random.NextDouble())).ToArray();
        var templateFilter = Enumerable.Range(0, n * (n / 2 + 1)).Select(_ => (float)(0.5 + random.NextDouble())).ToArray();
        var target = new RefineTarget(
            boxSpectrum, templateFilter, ConformanceScene.Optics, ConformanceScene.PixelSize, ConformanceScene.PixelSize,
            new EulerAngles(40, 70, 200), mean, std, ConformanceScene.ImageSize, ConformanceScene.ImageSize);
        var cpu = new CpuRefineBackend(engine).Run(search, 1, _ => target, 1, null, CancellationToken.None)[0];
        var device = new DeviceRefineBackend(new DeviceGroup([session]), engine, new DevicePipelineOptions { MaxCorrelationsPerBatch = 12 })
            .Run(search, 1, _ => target, 1, null, CancellationToken.None)[0];

        var same = device.OffsetIndex == cpu.OffsetIndex && device.DefocusOffset == cpu.DefocusOffset
            && device.PixelSizeOffset == cpu.PixelSizeOffset && device.ShiftY == cpu.ShiftY && device.ShiftX == cpu.ShiftX;
        return [
            new ConformanceCheck(
                "refine.match", same ? 0 : 1, 0,
                $"1 when the best (offset, defocus, pixel size, shift) differs; CPU: offset {cpu.OffsetIndex}, shift ({cpu.ShiftY}, {cpu.ShiftX})"),
            new ConformanceCheck("refine.z", Math.Abs(device.ZScore - cpu.ZScore) / Math.Abs(cpu.ZScore), RelativeTolerance, "relative difference of the best z-score"),
            new ConformanceCheck(
                "refine.cc", Math.Abs(device.CrossCorrelation - cpu.CrossCorrelation) / Math.Abs(cpu.CrossCorrelation), RelativeTolerance,
                "relative difference of its CC"),
        ];
    }

    /// <summary>Central slices of <paramref name="rotations"/> computed on the device (unshifted, DC 0, contrast
    /// flipped), N x (N/2+1) each, consecutive.</summary>
    internal static ComplexF[] DeviceSlices(
        Accelerator accelerator, DeviceKernels kernels, TemplateSpectrum template, IReadOnlyList<RotationMatrixF> rotations, SliceConvention convention)
    {
        var geometry = new SliceGeometry(template.Size, convention);
        using var binding = accelerator.BindScoped();
        using var volume = accelerator.Allocate1D(template.Data);
        using var deviceRotations = accelerator.Allocate1D(RotationPacking.Pack(rotations));
        using var slices = accelerator.Allocate1D<ComplexF>((long)rotations.Count * geometry.Length);
        kernels.ExtractSlices(geometry, volume.View, deviceRotations.View, slices.View, rotations.Count);
        return slices.GetAsArray1D();
    }

    private static double RelativeDifference(double a, double b) =>
        double.IsNaN(b) ? (double.IsNaN(a) ? 0 : double.PositiveInfinity) : Math.Abs(a - b) / Math.Max(Math.Abs(b), 1e-300);
}
