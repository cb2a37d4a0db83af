namespace LeopardEm.Interop;

/// <summary>How <see cref="ParticleExtraction"/> cuts and normalises particle boxes; the defaults are RELION's
/// (Extract job: invert contrast, normalise, background diameter 75 % of the box, ramp subtracted).</summary>
public sealed record ExtractionOptions
{
    /// <summary>Edge of the square box, pixels; even, at least 4. RELION <c>--extract_size</c>.</summary>
    public required int BoxSize { get; init; }

    /// <summary>Radius of the circle outside which pixels are background, pixels; null for RELION's default
    /// <c>round(0.375 · box)</c> (a diameter of 75 % of the box). At most half the box. RELION
    /// <c>--bg_radius</c>.</summary>
    public int? BackgroundRadius { get; init; }

    /// <summary>Multiply by −1 so that particles, dark in a micrograph, are white as RELION expects. RELION
    /// <c>--invert_contrast</c>.</summary>
    public bool InvertContrast { get; init; } = true;

    /// <summary>Normalise each box so that its background has mean 0 and standard deviation 1. RELION
    /// <c>--norm</c>.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>Subtract a least-squares plane fitted to the background before normalising; false for RELION's
    /// <c>--no_ramp</c>.</summary>
    public bool SubtractRamp { get; init; } = true;

    /// <summary>The background radius in use: <see cref="BackgroundRadius"/> or <c>round(0.375 · box)</c>.</summary>
    public int EffectiveBackgroundRadius => BackgroundRadius ?? (int)Math.Round(0.375 * BoxSize, MidpointRounding.AwayFromZero);

    /// <summary>Checks the box size and background radius.</summary>
    /// <exception cref="ArgumentException">The box is odd or smaller than 4, or the radius is below 1 or more than
    /// half the box.</exception>
    public void ThrowIfInvalid()
    {
        if (BoxSize < 4 || BoxSize % 2 != 0)
        {
            throw new ArgumentException($"The extraction box must be even and at least 4 pixels; got {BoxSize}.");
        }

        var radius = EffectiveBackgroundRadius;
        if (radius < 1 || 2 * radius > BoxSize)
        {
            throw new ArgumentException($"The background radius must be between 1 and half the box ({BoxSize / 2}); got {radius}.");
        }
    }
}
