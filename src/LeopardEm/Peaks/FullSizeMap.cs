using LeopardEm.Imaging;

namespace LeopardEm.Peaks;

/// <summary>
/// Puts a valid-cropped result map back on the micrograph's pixel grid, aligned to particle centres. Element [y, x]
/// of a valid map (H − N + 1 x W − N + 1) scores the template whose top-left corner is at micrograph pixel (y, x),
/// i.e. the particle centred at (y + N/2, x + N/2) (spec §11.1; N/2 rounds down, as Leopard-EM's <c>nx // 2</c>);
/// the full map holds it there, so it overlays the micrograph pixel for pixel.
/// </summary>
public static class FullSizeMap
{
    /// <summary>
    /// The default value of pixels where no particle centre was scored (a band of N/2 pixels at the top and left,
    /// N/2 − 1 at the bottom and right): 0, the z-score of an average noise pixel, so the band reads as "no evidence",
    /// never passes a positive picking threshold, and leaves map statistics and display ranges finite (NaN would
    /// propagate through means and break many viewers). Pass NaN or another value where 0 is meaningful (angle maps).
    /// </summary>
    public const float DefaultFill = 0f;

    /// <summary>Pads <paramref name="validMap"/> to the micrograph size H x W = (h + N − 1) x (w + N − 1).</summary>
    /// <param name="validMap">A valid-cropped map (h x w).</param>
    /// <param name="templateSize">The template box size N, pixels (≥ 1).</param>
    /// <param name="fill">Value of the border pixels that no valid position maps to.</param>
    /// <returns>A new H x W map: full[y + N/2, x + N/2] = valid[y, x].</returns>
    public static Image2D FromValid(Image2D validMap, int templateSize, float fill = DefaultFill)
    {
        ArgumentNullException.ThrowIfNull(validMap);
        ArgumentOutOfRangeException.ThrowIfLessThan(templateSize, 1);
        var full = new Image2D(validMap.Height + templateSize - 1, validMap.Width + templateSize - 1);
        Array.Fill(full.Data, fill);
        var shift = templateSize / 2;
        for (var y = 0; y < validMap.Height; y++)
        {
            validMap.Row(y).CopyTo(full.Row(y + shift).Slice(shift));
        }

        return full;
    }
}
