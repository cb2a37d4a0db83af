namespace LeopardEm.Cuda.Search;

/// <summary>How a batch of correlation maps maps onto the statistics region, passed to
/// <see cref="StatisticsKernel.Accumulate"/> by value.</summary>
internal readonly struct StatisticsLayout
{
    /// <summary>Rows of the statistics region (top-left corners 0..RegionHeight−1).</summary>
    public readonly int RegionHeight;

    /// <summary>Columns of the statistics region.</summary>
    public readonly int RegionWidth;

    /// <summary>Row stride of the correlation maps (the frame's width).</summary>
    public readonly int FrameWidth;

    /// <summary>Distance between consecutive maps, samples.</summary>
    public readonly long MapLength;

    /// <summary>Describes maps of a <paramref name="frameHeight"/> x <paramref name="frameWidth"/> frame.</summary>
    public StatisticsLayout(int regionHeight, int regionWidth, int frameHeight, int frameWidth)
    {
        RegionHeight = regionHeight;
        RegionWidth = regionWidth;
        FrameWidth = frameWidth;
        MapLength = (long)frameHeight * frameWidth;
    }

    /// <summary>Pixels of the statistics region.</summary>
    public int Pixels => RegionHeight * RegionWidth;
}
