namespace LeopardEm.Optics;

/// <summary>Relativistic de Broglie wavelength of the imaging electrons.</summary>
public static class ElectronWavelength
{
    private const double Planck = 6.62607015e-34; // J s (CODATA 2018, exact)
    private const double SpeedOfLight = 299792458.0; // m/s (exact)
    private const double ElectronMass = 9.1093837015e-31; // kg (CODATA 2018)
    private const double ElementaryCharge = 1.602176634e-19; // C (exact)

    /// <summary>
    /// λ = h·c / sqrt(e·V·(2·m0·c² + e·V)), in Å, for an accelerating voltage in kV (300 kV → 0.0196875 Å).
    /// </summary>
    /// <param name="voltageKv">Accelerating voltage in kilovolts; must be positive.</param>
    public static double Angstrom(double voltageKv)
    {
        if (!(voltageKv > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(voltageKv), voltageKv, "The accelerating voltage must be positive (kV).");
        }

        var eV = ElementaryCharge * voltageKv * 1e3;
        var metres = Planck * SpeedOfLight / Math.Sqrt(eV * (2 * ElectronMass * SpeedOfLight * SpeedOfLight + eV));
        return metres * 1e10;
    }
}
