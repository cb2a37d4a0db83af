namespace LeopardEm.Orientations;

/// <summary>
/// The orientation offsets a local refinement tries around each particle, with the rule that applies an offset to a
/// particle's orientation (<see cref="LocalGridConvention"/>). Offsets are degrees; index 0..Count−1 is the order in
/// which they are searched.
/// </summary>
public sealed class LocalOffsetGrid
{
    private readonly EulerAngles[] _offsets;

    /// <summary>Wraps an offset list.</summary>
    /// <param name="offsets">Offsets in search order, at least one.</param>
    /// <param name="convention">How an offset is applied.</param>
    public LocalOffsetGrid(IReadOnlyList<EulerAngles> offsets, LocalGridConvention convention)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        if (offsets.Count == 0)
        {
            throw new ArgumentException("A local grid needs at least one offset.", nameof(offsets));
        }

        _offsets = [.. offsets];
        Convention = convention;
    }

    /// <summary>The grid of a disabled orientation refinement: the zero offset only.</summary>
    public static LocalOffsetGrid None { get; } = new([EulerAngles.Zero], LocalGridConvention.Symmetric);

    /// <summary>How offsets are applied.</summary>
    public LocalGridConvention Convention { get; }

    /// <summary>The offsets, degrees.</summary>
    public IReadOnlyList<EulerAngles> Offsets => _offsets;

    /// <summary>Number of offsets.</summary>
    public int Count => _offsets.Length;

    /// <summary>
    /// The orientation reached from <paramref name="original"/> with offset <paramref name="index"/>: 
    /// <see cref="SymmetricLocalOffsets.Compose"/>, or for <see cref="LocalGridConvention.Leopard"/>
    /// <c>R(offset) · R(original)</c>.
    /// </summary>
    public RotationMatrix Compose(int index, EulerAngles original) => Convention == LocalGridConvention.Leopard
        ? _offsets[index].ToMatrix() * original.ToMatrix()
        : SymmetricLocalOffsets.Compose(_offsets[index], original);
}
