namespace LeopardEm.Orientations;

/// <summary>
/// The "healpix" base grid: HEALPix pixel centres in RING order (healpy <c>pix2ang(nside, p)</c>), filtered to the
/// requested box (torch-so3 <c>healpix_base_grid</c>, spec §6.5). Angles in degrees unless stated.
/// </summary>
/// <remarks>
/// The resolution is chosen from the theta step: <c>est = int(4π / step_rad²)</c>, then the smallest
/// <c>nside ≥ ceil(sqrt(est / 12))</c> with <c>12·nside² ≥ est</c>, searched only while <c>nside &lt; 36</c>.
/// Steps below about 1.675 degrees therefore fail with "No valid nside found", as upstream. The default 2.5 degree
/// step gives nside 24, 6912 pixels.
/// </remarks>
public static class HealpixGrid
{
    /// <summary>Upstream's search stops before this nside.</summary>
    public const int NsideLimit = 36;

    /// <summary>The nside upstream picks for <paramref name="thetaStep"/> degrees (see the remarks on this type).</summary>
    /// <exception cref="ArgumentException">No nside below <see cref="NsideLimit"/> is fine enough ("No valid nside found").</exception>
    public static int SelectNside(double thetaStep)
    {
        GridArguments.RequirePositiveStep(thetaStep, nameof(thetaStep));
        double stepRad = Angles.DegToRad(thetaStep);
        double estimate = Math.Truncate(4 * Math.PI / (stepRad * stepRad));
        double nside = Math.Ceiling(Math.Sqrt(estimate / 12));
        double pixels = 0;
        while (nside < NsideLimit)
        {
            pixels = 12 * nside * nside;
            if (pixels >= estimate)
            {
                break;
            }

            nside += 1;
        }

        if (pixels < estimate)
        {
            throw new ArgumentException(
                $"No valid nside found: a theta step of {thetaStep} degrees needs about {estimate} HEALPix pixels, "
                + $"more than nside < {NsideLimit} allows; use a theta step of at least about 1.68 degrees or the "
                + "uniform grid.",
                nameof(thetaStep));
        }

        if (nside < 1)
        {
            // Only reachable for steps above about 200 degrees, where upstream's healpy call fails too.
            throw new ArgumentException($"A theta step of {thetaStep} degrees is too coarse for HEALPix.", nameof(thetaStep));
        }

        return (int)nside;
    }

    /// <summary>
    /// Centre of RING-ordered pixel <paramref name="pixel"/> as (theta, phi) in <b>radians</b>, following the
    /// healpix_cxx <c>pix2loc</c>/<c>pix2ang</c> arithmetic (including its <c>atan2</c> refinement near the poles).
    /// </summary>
    /// <param name="nside">HEALPix resolution, at least 1 (need not be a power of two in RING order).</param>
    /// <param name="pixel">Pixel index, 0 ≤ pixel &lt; 12·nside².</param>
    public static (double Theta, double Phi) PixelCentre(int nside, long pixel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nside, 1);
        long npix = 12L * nside * nside;
        ArgumentOutOfRangeException.ThrowIfNegative(pixel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pixel, npix);

        long ncap = 2L * nside * (nside - 1);
        double fact2 = 4.0 / npix;
        double fact1 = (nside << 1) * fact2;
        const double HalfPi = Math.PI / 2;

        if (pixel < ncap)
        {
            long ring = (1 + IntegerSqrt(1 + 2 * pixel)) >> 1;
            long iphi = pixel + 1 - 2 * ring * (ring - 1);
            double tmp = ring * ring * fact2;
            double z = 1.0 - tmp;
            double phi = (iphi - 0.5) * HalfPi / ring;
            return (z > 0.99 ? Math.Atan2(Math.Sqrt(tmp * (2.0 - tmp)), z) : Math.Acos(z), phi);
        }

        if (pixel < npix - ncap)
        {
            long nl4 = 4L * nside;
            long ip = pixel - ncap;
            long tmp = ip / nl4;
            long ring = tmp + nside;
            long iphi = ip - nl4 * tmp + 1;
            double fodd = ((ring + nside) & 1) != 0 ? 1.0 : 0.5;
            double z = (2 * nside - ring) * fact1;
            double phi = (iphi - fodd) * Math.PI * 0.75 * fact1;
            return (Math.Acos(z), phi);
        }

        {
            long ip = npix - pixel;
            long ring = (1 + IntegerSqrt(2 * ip - 1)) >> 1;
            long iphi = 4 * ring + 1 - (ip - 2 * ring * (ring - 1));
            double tmp = ring * ring * fact2;
            double z = tmp - 1.0;
            double phi = (iphi - 0.5) * HalfPi / ring;
            return (z < -0.99 ? Math.Atan2(Math.Sqrt(tmp * (2.0 - tmp)), z) : Math.Acos(z), phi);
        }
    }

    /// <summary>
    /// Pixel centres (phi, theta) in degrees with <c>thetaMin ≤ theta ≤ thetaMax</c> and <c>phiMin ≤ phi ≤ phiMax</c>
    /// (both inclusive, compared in degrees), in pixel order. HEALPix phi lies in [0, 360), so negative phi bounds act
    /// like 0.
    /// </summary>
    /// <param name="thetaStep">Target spacing in degrees, at least about 1.68.</param>
    /// <param name="thetaMin">Lower theta bound, degrees.</param>
    /// <param name="thetaMax">Upper theta bound, degrees.</param>
    /// <param name="phiMin">Lower phi bound, degrees.</param>
    /// <param name="phiMax">Upper phi bound, degrees.</param>
    /// <exception cref="ArgumentException">"No valid nside found" for fine steps, or non-finite bounds.</exception>
    public static SpherePoint[] Generate(
        double thetaStep, double thetaMin = 0.0, double thetaMax = 180.0, double phiMin = 0.0, double phiMax = 360.0)
    {
        GridArguments.RequireFinite(thetaMin, thetaMax, phiMin, phiMax);
        int nside = SelectNside(thetaStep);
        long npix = 12L * nside * nside;
        var points = new List<SpherePoint>((int)npix);
        for (long p = 0; p < npix; p++)
        {
            (double thetaRad, double phiRad) = PixelCentre(nside, p);
            double theta = Angles.RadToDeg(thetaRad);
            double phi = Angles.RadToDeg(phiRad);
            if (theta >= thetaMin && theta <= thetaMax && phi >= phiMin && phi <= phiMax)
            {
                points.Add(new SpherePoint(phi, theta));
            }
        }

        return [.. points];
    }

    // healpix_cxx isqrt: the +0.5 guards against sqrt of a perfect square landing just below the integer.
    private static long IntegerSqrt(long value) => (long)Math.Sqrt(value + 0.5);
}
