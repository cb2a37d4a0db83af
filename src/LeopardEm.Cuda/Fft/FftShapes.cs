namespace LeopardEm.Cuda.Fft;

/// <summary>Argument checks shared by the <see cref="IDeviceFft"/> implementations.</summary>
internal static class FftShapes
{
    /// <summary>Throws unless a batch of <paramref name="count"/> real <paramref name="height"/> x
    /// <paramref name="width"/> images and their half spectra fit buffers of the given lengths.</summary>
    public static void Check(long realLength, long complexLength, int height, int width, int count)
    {
        if (height < 1 || width < 2 || width % 2 != 0 || count < 1)
        {
            throw new ArgumentException($"Cannot transform {count} images of {height} x {width} (the width must be even).");
        }

        if (realLength < (long)count * height * width || complexLength < (long)count * height * (width / 2 + 1))
        {
            throw new ArgumentException(
                $"Buffers of {realLength} real and {complexLength} complex values cannot hold {count} images of {height} x {width}.");
        }
    }
}
