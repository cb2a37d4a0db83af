namespace LeopardEm.Orientations;

/// <summary>How the raw offsets of a constrained search are laid out (upstream
/// <c>ConstrainedOrientationConfig.base_grid_method</c>).</summary>
public enum ConstrainedGridMethod
{
    /// <summary>"uniform" (default): <see cref="OrientationGrid"/> over the configured phi/theta/psi ranges (phi
    /// spacing follows theta_step; phi_step is not used).</summary>
    Uniform,

    /// <summary>"healpix": as <see cref="Uniform"/> with a HEALPix base grid (theta steps of about 1.7 degrees or
    /// more only).</summary>
    Healpix,

    /// <summary>"roll": a spin about z combined with a tilt about an axis in the x-y plane (see
    /// <see cref="RollGrid"/>).</summary>
    Roll,
}
