using System.Runtime.InteropServices;
using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>
/// P/Invoke declarations for the part of the single-precision FFTW 3 API that <see cref="FftwEngine"/> uses. The
/// library name is mapped to the installed file (e.g. <c>libfftw3f.so.3</c>) by <see cref="FftwLibrary"/>, because
/// runtime-only distributions ship no unversioned <c>libfftw3f.so</c>. Planning and wisdom functions are not
/// thread-safe and must be called under <see cref="FftwLibrary.PlannerLock"/>; the new-array execute functions are.
/// </summary>
internal static unsafe partial class FftwNative
{
    /// <summary>The name used in the imports; resolved to a real file by <see cref="FftwLibrary"/>.</summary>
    public const string LibraryName = "fftw3f";

    /// <summary>FFTW_MEASURE: time a few algorithms (overwrites the planning arrays).</summary>
    public const uint Measure = 0;

    /// <summary>FFTW_DESTROY_INPUT: the transform may overwrite its input.</summary>
    public const uint DestroyInput = 1 << 0;

    /// <summary>FFTW_UNALIGNED: make no alignment assumptions, so any arrays can be passed to new-array execute.</summary>
    public const uint Unaligned = 1 << 1;

    /// <summary>FFTW_PRESERVE_INPUT: the transform must not touch its input.</summary>
    public const uint PreserveInput = 1 << 4;

    /// <summary>FFTW_PATIENT: time many more algorithms than MEASURE.</summary>
    public const uint Patient = 1 << 5;

    /// <summary>FFTW_FORWARD: the sign of the exponent of forward complex transforms.</summary>
    public const int ForwardSign = -1;

    /// <summary>FFTW_BACKWARD: the sign of the exponent of inverse complex transforms.</summary>
    public const int BackwardSign = 1;

    /// <summary>FFTW_ESTIMATE: pick an algorithm heuristically, without timing.</summary>
    public const uint Estimate = 1 << 6;

    [LibraryImport(LibraryName, EntryPoint = "fftwf_plan_many_dft_r2c")]
    public static partial nint PlanManyDftR2C(
        int rank, int* n, int howMany, float* input, int* inEmbed, int inStride, int inDist,
        ComplexF* output, int* outEmbed, int outStride, int outDist, uint flags);

    [LibraryImport(LibraryName, EntryPoint = "fftwf_plan_many_dft_c2r")]
    public static partial nint PlanManyDftC2R(
        int rank, int* n, int howMany, ComplexF* input, int* inEmbed, int inStride, int inDist,
        float* output, int* outEmbed, int outStride, int outDist, uint flags);

    [LibraryImport(LibraryName, EntryPoint = "fftwf_plan_many_dft")]
    public static partial nint PlanManyDft(
        int rank, int* n, int howMany, ComplexF* input, int* inEmbed, int inStride, int inDist,
        ComplexF* output, int* outEmbed, int outStride, int outDist, int sign, uint flags);

    [LibraryImport(LibraryName, EntryPoint = "fftwf_plan_dft_r2c_3d")]
    public static partial nint PlanDftR2C3D(int n0, int n1, int n2, float* input, ComplexF* output, uint flags);

    [LibraryImport(LibraryName, EntryPoint = "fftwf_plan_dft_c2r_3d")]
    public static partial nint PlanDftC2R3D(int n0, int n1, int n2, ComplexF* input, float* output, uint flags);

    [LibraryImport(LibraryName, EntryPoint = "fftwf_execute_dft_r2c")]
    public static partial void ExecuteDftR2C(nint plan, float* input, ComplexF* output);

    [LibraryImport(LibraryName, EntryPoint = "fftwf_execute_dft")]
    public static partial void ExecuteDft(nint plan, ComplexF* input, ComplexF* output);

    [LibraryImport(LibraryName, EntryPoint = "fftwf_execute_dft_c2r")]
    public static partial void ExecuteDftC2R(nint plan, ComplexF* input, float* output);

    [LibraryImport(LibraryName, EntryPoint = "fftwf_import_wisdom_from_filename", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ImportWisdomFromFilename(string fileName);

    [LibraryImport(LibraryName, EntryPoint = "fftwf_export_wisdom_to_filename", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ExportWisdomToFilename(string fileName);
}
