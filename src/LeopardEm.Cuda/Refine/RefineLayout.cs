namespace LeopardEm.Cuda.Refine;

/// <summary>The crop of template positions scored in a particle box, passed to
/// <see cref="RefineScoreKernel.BestPerRow"/> by value.</summary>
internal readonly struct RefineLayout
{
    /// <summary>Rows of the crop, H_b − N + 1.</summary>
    public readonly int CropHeight;

    /// <summary>Columns of the crop, W_b − N + 1.</summary>
    public readonly int CropWidth;

    /// <summary>Row stride of the correlation maps (the box width).</summary>
    public readonly int FrameWidth;

    /// <summary>Distance between consecutive maps, samples (box height x width).</summary>
    public readonly long MapLength;

    /// <summary>Describes the crop of an <paramref name="boxHeight"/> x <paramref name="boxWidth"/> box for an
    /// N px template.</summary>
    public RefineLayout(int boxHeight, int boxWidth, int templateSize)
    {
        CropHeight = boxHeight - templateSize + 1;
        CropWidth = boxWidth - templateSize + 1;
        FrameWidth = boxWidth;
        MapLength = (long)boxHeight * boxWidth;
    }
}
