namespace LeopardEm.Settings;

/// <summary>
/// Ranges of the ZYZ Euler angles (degrees) an orientation search covers, after symmetry or explicit bounds have
/// been resolved.
/// </summary>
/// <param name="PhiMin">Smallest phi.</param>
/// <param name="PhiMax">Largest phi.</param>
/// <param name="ThetaMin">Smallest theta.</param>
/// <param name="ThetaMax">Largest theta.</param>
/// <param name="PsiMin">Smallest psi.</param>
/// <param name="PsiMax">Largest psi.</param>
public readonly record struct EulerAngleRanges(
    double PhiMin, double PhiMax, double ThetaMin, double ThetaMax, double PsiMin, double PsiMax);
