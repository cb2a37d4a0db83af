namespace LeopardEm.Orientations;

/// <summary>How the (phi, theta) base grid on the sphere is built (upstream <c>base_grid_method</c>).</summary>
public enum BaseGridMethod
{
    /// <summary>
    /// "uniform" (default): theta rings spaced by the theta step, each ring holding about 360·sin(theta)/step phi
    /// values (see <see cref="UniformGrid"/>).
    /// </summary>
    Uniform,

    /// <summary>"healpix": HEALPix RING pixel centres (see <see cref="HealpixGrid"/>); only theta steps ≳ 1.68 degrees.</summary>
    Healpix,

    /// <summary>"cartesian": a plain phi × theta product grid with phi step 2.5 degrees (see <see cref="CartesianGrid"/>).</summary>
    Cartesian,
}
