namespace LeopardEm.Demo;

/// <summary>
/// One isotropic Gaussian of a synthetic density, <c>Height · exp(−r²/(2·Sigma²))</c>.
/// </summary>
/// <param name="X">Centre along x (column), voxels from the box centre (N/2, N/2, N/2).</param>
/// <param name="Y">Centre along y (row), voxels from the box centre.</param>
/// <param name="Z">Centre along z (section), voxels from the box centre.</param>
/// <param name="Sigma">Standard deviation, voxels.</param>
/// <param name="Height">Peak value (arbitrary density units).</param>
public readonly record struct GaussianBlob(double X, double Y, double Z, double Sigma, double Height);
