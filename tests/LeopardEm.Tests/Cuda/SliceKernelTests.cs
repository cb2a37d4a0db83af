using LeopardEm.Cuda;
using LeopardEm.Cuda.Diagnostics;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Orientations;
using LeopardEm.Projection;
using LeopardEm.Tests.Search;

namespace LeopardEm.Tests.Cuda;

/// <summary>The slice kernel is the CPU slicer's arithmetic statement for statement: on ILGPU's CPU accelerator
/// (the .NET JIT, no contracted multiply-adds) the slices are bit for bit those of <see cref="FourierSlicer"/>.</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class SliceKernelTests(CpuAccelerator cpu)
{
    [Theory]
    [InlineData(16, SliceConvention.Exact)]
    [InlineData(16, SliceConvention.Leopard)]
    [InlineData(18, SliceConvention.Exact)]
    public void Slices_are_identical_to_the_cpu_slicer(int size, SliceConvention convention)
    {
        var template = TemplateSpectrum.FromVolume(SearchCase.BlobVolume(size, seed: size), FftEngines.Managed);
        // Round angles put frequencies on the x' = 0 plane, where the conventions differ; random ones elsewhere.
        EulerAngles[] round = [new(0, 0, 0), new(0, 90, 0), new(90, 0, 0), new(0, 30, 270), new(180, 90, 0), new(0, 150, 90)];
        var angles = round.Concat(SearchCase.RandomOrientations(6, seed: 3)).Select(a => a.RoundToSingle());
        RotationMatrixF[] rotations = [.. angles.Select(a => convention == SliceConvention.Leopard ? RomaFloat32Rotation.FromEuler(a) : RotationMatrixF.FromEuler(a))];

        var device = DeviceConformance.DeviceSlices(cpu.Session.Accelerator, DeviceKernels.For(cpu.Session.Accelerator), template, rotations, convention);

        var length = size * (size / 2 + 1);
        for (var o = 0; o < rotations.Length; o++)
        {
            var reference = new ComplexF[length];
            FourierSlicer.ExtractForSearch(template, rotations[o], reference, convention);
            Assert.Equal(reference, device.AsSpan(o * length, length).ToArray());
        }
    }
}
