using LeopardEm.Imaging;

namespace LeopardEm.Tests.Imaging;

public class BoxExtractionTests
{
    // 4 x 5 image with value 10·y + x.
    private static Image2D Ramp()
    {
        var image = new Image2D(4, 5);
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 5; x++)
            {
                image[y, x] = 10 * y + x;
            }
        }

        return image;
    }

    [Fact]
    public void Inside_the_image_the_box_is_a_plain_copy()
    {
        Assert.Equal([11f, 12f, 13f, 21f, 22f, 23f], BoxExtraction.Extract(Ramp(), 1, 1, 2, 3, PaddingMode.Reflect));
    }

    [Fact]
    public void Reflect_mirrors_about_the_edge_pixel_without_repeating_it()
    {
        // NumPy reflect: row −1 reads row 1, column −2 reads column 2, column 5 reads column 3.
        var box = BoxExtraction.Extract(Ramp(), -1, -2, 2, 8, PaddingMode.Reflect);
        Assert.Equal([12f, 11f, 10f, 11f, 12f, 13f, 14f, 13f], box[..8]);
        Assert.Equal([2f, 1f, 0f, 1f, 2f, 3f, 4f, 3f], box[8..]);
    }

    [Fact]
    public void Reflect_repeats_for_pads_wider_than_the_image()
    {
        // Period 2·(5 − 1) = 8 along x: columns −6..−1 read 2, 3, 4, 3, 2, 1.
        Assert.Equal([2f, 3f, 4f, 3f, 2f, 1f, 0f], BoxExtraction.Extract(Ramp(), 0, -6, 1, 7, PaddingMode.Reflect));
    }

    [Fact]
    public void Replicate_repeats_the_edge_and_constant_fills()
    {
        Assert.Equal([0f, 0f, 1f, 0f, 0f, 1f], BoxExtraction.Extract(Ramp(), -1, -1, 2, 3, PaddingMode.Replicate));
        Assert.Equal([7f, 7f, 7f, 7f, 0f, 1f], BoxExtraction.Extract(Ramp(), -1, -1, 2, 3, PaddingMode.Constant, 7f));
    }

    /// <summary>Leopard-EM's extraction test (spec §11): a 32 x 32 patch at (0, 0) of a 256² image, cut with a 34 x 34
    /// box one pixel up and left, comes out zero-padded by one pixel on each side.</summary>
    [Fact]
    public void A_box_one_pixel_outside_is_the_patch_zero_padded()
    {
        var image = new Image2D(256, 256);
        var random = new Random(3);
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                image[y, x] = (float)random.NextDouble() + 1;
            }
        }

        var box = BoxExtraction.Extract(image, -1, -1, 34, 34, PaddingMode.Constant);

        for (var y = 0; y < 34; y++)
        {
            for (var x = 0; x < 34; x++)
            {
                var inside = y is >= 1 and <= 32 && x is >= 1 and <= 32;
                Assert.Equal(inside ? image[y - 1, x - 1] : 0f, box[y * 34 + x]);
            }
        }
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(0, 5)]
    [InlineData(-2, 0)]
    [InlineData(0, -3)]
    public void A_box_that_misses_the_image_is_an_error(int top, int left)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BoxExtraction.Extract(Ramp(), top, left, 2, 3, PaddingMode.Reflect));
        Assert.Contains("does not overlap", error.Message);
    }
}
