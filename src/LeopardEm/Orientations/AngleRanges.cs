namespace LeopardEm.Orientations;

/// <summary>
/// Bounds of an orientation search, all in <b>degrees</b>. How each bound is used depends on the grid: the uniform
/// grid includes theta up to (and possibly a little beyond) <see cref="ThetaMax"/> but excludes
/// <see cref="PhiMax"/>; psi always excludes <see cref="PsiMax"/>; HEALPix keeps pixels inside the closed box.
/// </summary>
/// <param name="PhiMin">Lower phi bound, degrees.</param>
/// <param name="PhiMax">Upper phi bound, degrees.</param>
/// <param name="ThetaMin">Lower theta bound, degrees.</param>
/// <param name="ThetaMax">Upper theta bound, degrees.</param>
/// <param name="PsiMin">Lower psi (in-plane) bound, degrees.</param>
/// <param name="PsiMax">Upper psi (in-plane) bound, degrees.</param>
public readonly record struct AngleRanges(
    double PhiMin, double PhiMax, double ThetaMin, double ThetaMax, double PsiMin, double PsiMax)
{
    /// <summary>The whole of SO(3): phi 0..360, theta 0..180, psi 0..360 (the C1 ranges).</summary>
    public static AngleRanges FullSphere => new(0.0, 360.0, 0.0, 180.0, 0.0, 360.0);
}
