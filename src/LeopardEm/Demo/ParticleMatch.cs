namespace LeopardEm.Demo;

/// <summary>A planted particle and the found particle paired with it, if any, with the errors of the search.</summary>
/// <param name="Planted">The truth.</param>
/// <param name="Found">The paired found particle, or null when the search missed it.</param>
public sealed record ParticleMatch(PlantedParticle Planted, FoundParticle? Found)
{
    /// <summary>True when a found particle was paired.</summary>
    public bool IsFound => Found is not null;

    /// <summary>Distance between the planted and found centres, pixels (NaN when missed).</summary>
    public double PositionError => Found is { } f ? Math.Sqrt(Square(f.X - Planted.X) + Square(f.Y - Planted.Y)) : double.NaN;

    /// <summary>Geodesic angle between the planted and found orientations, degrees, 0 to 180 (NaN when missed). The
    /// demo template has no symmetry, so no symmetry-equivalent orientation is considered.</summary>
    public double AngularError => Found is { } f ? Planted.Orientation.ToMatrix().AngleTo(f.Orientation.ToMatrix()) : double.NaN;

    /// <summary>Found minus planted relative defocus, Å (NaN when missed).</summary>
    public double DefocusError => Found is { } f ? f.RelativeDefocus - Planted.RelativeDefocus : double.NaN;

    private static double Square(double value) => value * value;
}
