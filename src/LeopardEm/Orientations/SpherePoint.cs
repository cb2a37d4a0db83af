namespace LeopardEm.Orientations;

/// <summary>
/// One point of a base grid on the sphere S², in <b>degrees</b>, in upstream column order (phi, theta): phi is the
/// azimuth about z, theta the polar angle from +z. Combined with an in-plane angle psi it forms an
/// <see cref="EulerAngles"/> (phi, theta, psi).
/// </summary>
/// <param name="Phi">Azimuth, degrees.</param>
/// <param name="Theta">Polar angle, degrees.</param>
public readonly record struct SpherePoint(double Phi, double Theta);
