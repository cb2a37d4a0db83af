using System.Runtime.CompilerServices;
namespace LeopardEm.Projection;

/// <summary>
/// Normalises a real-space template projection for correlation with a larger image (spec §9.2, corrected): the mean
/// of the template's border is subtracted, so zero padding continues the template's edge without a step, then the
/// template is scaled so that the template zero-padded to the image frame has population variance exactly 1, i.e.
/// <c>Σ_{H×W} (p − μ)² = H·W</c> with μ the padded image's mean. Leopard-EM applies the padded-mean correction twice
/// (μ·r²) and counts <c>(H−h)(W−w)</c> padded zeros instead of <c>H·W − h·w</c>; see
/// docs/differences-from-leopard-em.md.
/// </summary>
public static class ProjectionNormalizer
{
    /// <summary>
    /// Normalises the <paramref name="height"/> x <paramref name="width"/> template in place for an image of
    /// <paramref name="imageHeight"/> x <paramref name="imageWidth"/> pixels.
    /// </summary>
    /// <param name="template">Row-major real template, centred, modified in place.</param>
    /// <param name="height">Template rows h.</param>
    /// <param name="width">Template columns w.</param>
    /// <param name="imageHeight">Image rows H (≥ h).</param>
    /// <param name="imageWidth">Image columns W (≥ w).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Normalize(Span<float> template, int height, int width, int imageHeight, int imageWidth)
    {
        if (template.Length != height * width)
        {
            throw new ArgumentException($"Expected {height} x {width} values, got {template.Length}.", nameof(template));
        }

        if (height < 2 || width < 2 || imageHeight < height || imageWidth < width)
        {
            throw new ArgumentException($"A {height} x {width} template cannot be normalised for a {imageHeight} x {imageWidth} image.");
        }

        var edgeMean = EdgeMean(template, height, width);
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < template.Length; i++)
        {
            double v = template[i] - edgeMean;
            sum += v;
            sumSquares += v * v;
        }

        double pixels = (double)imageHeight * imageWidth;
        var paddedMean = sum / pixels;
        // Σ over the frame of (p − μ)², with p = template inside the box and 0 outside:
        // Σ_box (t − μ)² + (HW − hw)·μ² = Σ t² − 2μΣt + HW·μ² = Σ t² − (Σ t)²/HW.
        var variance = sumSquares - sum * paddedMean;
        var scale = (float)Math.Sqrt(pixels / Math.Max(variance, 1e-8));
        var shift = (float)edgeMean;
        for (var i = 0; i < template.Length; i++)
        {
            template[i] = (template[i] - shift) * scale;
        }
    }

    /// <summary>Mean of the perimeter pixels (each once: rows 0 and h−1, columns 0 and w−1 between them).</summary>
    public static double EdgeMean(ReadOnlySpan<float> template, int height, int width)
    {
        double sum = 0;
        for (var x = 0; x < width; x++)
        {
            sum += template[x] + template[(height - 1) * width + x];
        }

        for (var y = 1; y < height - 1; y++)
        {
            sum += template[y * width] + template[y * width + width - 1];
        }

        return sum / (2 * width + 2 * (height - 2));
    }
}
