namespace LeopardEm.Cuda.Projection;

/// <summary>Where the normalised templates of a batch go and what they are normalised for, passed to
/// <see cref="TemplateKernels.Normalize"/> by value.</summary>
internal readonly struct TemplateGeometry
{
    /// <summary>Template edge N, pixels.</summary>
    public readonly int Size;

    /// <summary>Columns of the correlation frame the templates are zero-padded into (its row stride).</summary>
    public readonly int FrameWidth;

    /// <summary>Samples of one frame, rows x columns (the distance between consecutive templates' frames).</summary>
    public readonly long FrameLength;

    /// <summary>H·W of the image the templates are normalised for (the micrograph, not the padded frame).</summary>
    public readonly double NormalizationPixels;

    /// <summary>1/N², the scale of the unnormalised N x N inverse transform (float32, as the CPU engines apply
    /// it).</summary>
    public readonly float InverseScale;

    /// <summary>Describes N x N templates padded into <paramref name="frameHeight"/> x <paramref name="frameWidth"/>
    /// frames and normalised for a <paramref name="normalizationHeight"/> x <paramref name="normalizationWidth"/>
    /// image.</summary>
    public TemplateGeometry(int size, int frameHeight, int frameWidth, int normalizationHeight, int normalizationWidth)
    {
        if (size < 2 || frameHeight < size || frameWidth < size || normalizationHeight < size || normalizationWidth < size)
        {
            throw new ArgumentException(
                $"A {size} px template does not fit a {frameWidth} x {frameHeight} frame or a {normalizationWidth} x {normalizationHeight} image.");
        }

        Size = size;
        FrameWidth = frameWidth;
        FrameLength = (long)frameHeight * frameWidth;
        NormalizationPixels = (double)normalizationHeight * normalizationWidth;
        InverseScale = (float)(1.0 / ((long)size * size));
    }
}
