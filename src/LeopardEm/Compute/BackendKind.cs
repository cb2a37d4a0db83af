namespace LeopardEm.Compute;

/// <summary>Which compute backend runs the correlations (<c>--backend</c>).</summary>
public enum BackendKind
{
    /// <summary>CUDA devices when <c>gpu_ids</c> names some and they are present, the CPU otherwise.</summary>
    Auto,

    /// <summary>The CPU (FFTW or the managed FFT).</summary>
    Cpu,

    /// <summary>CUDA devices named by <c>gpu_ids</c>; an error when none is available.</summary>
    Cuda,
}
