namespace LeopardEm.Cuda.Search;

/// <summary>
/// Per-pixel statistics of a device search over the statistics region, in the layout of
/// <see cref="LeopardEm.Search.SearchStatistics"/> (row-major, <see cref="Height"/> x <see cref="Width"/> top-left
/// template corners), as plain arrays the host owns.
/// </summary>
/// <param name="Height">Rows of the region.</param>
/// <param name="Width">Columns of the region.</param>
/// <param name="Mip">Maximum correlation per pixel (−∞ where nothing was added).</param>
/// <param name="BestIndex">Global search index <c>p·D·M + d·M + o</c> of the maximum; ties go to the lowest index;
/// −1 where nothing was added.</param>
/// <param name="Sum">Sum of all correlation values per pixel, accumulated in double.</param>
/// <param name="SumOfSquares">Sum of the squared values per pixel, accumulated in double.</param>
/// <param name="Count">Correlation maps accumulated (orientations x defocus planes x pixel-size planes).</param>
public sealed record DeviceSearchResult(
    int Height, int Width, float[] Mip, int[] BestIndex, double[] Sum, double[] SumOfSquares, long Count);
