namespace LeopardEm.Settings;

/// <summary>How the (phi, theta) sphere is sampled (YAML <c>base_grid_method</c>).</summary>
public enum BaseGridMethod
{
    /// <summary><c>uniform</c>: Hopf-fibration-style rings of constant theta (default).</summary>
    Uniform,

    /// <summary><c>healpix</c>: HEALPix RING pixels.</summary>
    Healpix,

    /// <summary><c>cartesian</c>: a plain phi × theta grid (oversamples the poles).</summary>
    Cartesian,
}
