namespace LeopardEm.Settings;

/// <summary>A 2-D size in pixels, rows first, as Leopard-EM writes shapes: YAML <c>[height, width]</c>.</summary>
/// <param name="Height">Rows (y), pixels.</param>
/// <param name="Width">Columns (x), pixels.</param>
public readonly record struct ImageShape(int Height, int Width)
{
    /// <summary>A square shape of <paramref name="size"/> x <paramref name="size"/> pixels.</summary>
    public static ImageShape Square(int size) => new(size, size);

    /// <summary>The YAML form, <c>[height, width]</c>.</summary>
    public override string ToString() => $"[{Height}, {Width}]";
}
