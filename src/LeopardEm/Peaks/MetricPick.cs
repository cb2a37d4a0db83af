namespace LeopardEm.Peaks;

/// <summary>
/// One particle called by <see cref="ParticlePicker"/>, in map coordinates: row <paramref name="Y"/>, column
/// <paramref name="X"/> of the (valid-cropped) maps, i.e. the template's top-left corner in the micrograph; the
/// particle centre is <c>(X + N/2, Y + N/2)</c> for template size N.
/// </summary>
/// <param name="Y">Row in the maps, pixels.</param>
/// <param name="X">Column in the maps, pixels.</param>
/// <param name="MetricValue">The thresholded score at the pick: the z-score (z-score and GEV metrics) or
/// s = −ln p (p-value metric).</param>
/// <param name="ZScore">The z-score (scaled MIP) at the pick.</param>
/// <param name="Mip">The MIP at the pick.</param>
public readonly record struct MetricPick(int Y, int X, double MetricValue, float ZScore, float Mip)
{
    /// <summary>The particle centre in micrograph pixels, (x = column, y = row) = (X + N/2, Y + N/2) with N/2 rounded
    /// down (Leopard-EM's <c>pos_x_img</c>, <c>pos_y_img</c>).</summary>
    /// <param name="templateSize">The template box size N, pixels.</param>
    public (int X, int Y) Centre(int templateSize) => (X + templateSize / 2, Y + templateSize / 2);
}
