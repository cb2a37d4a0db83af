namespace LeopardEm.Imaging;

/// <summary>How pixels outside an image are filled when a box reaches past its edge (spec §2.5).</summary>
public enum PaddingMode
{
    /// <summary>A fixed value (Leopard-EM <c>constant</c>).</summary>
    Constant,

    /// <summary>Mirror about the edge pixel, which is not repeated: index −1 reads 1 (NumPy/PyTorch <c>reflect</c>).</summary>
    Reflect,

    /// <summary>The nearest edge pixel (NumPy <c>edge</c>, PyTorch <c>replicate</c>).</summary>
    Replicate,
}
