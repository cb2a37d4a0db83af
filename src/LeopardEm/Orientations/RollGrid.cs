using LeopardEm.Numerics;

namespace LeopardEm.Orientations;

/// <summary>
/// The "roll" offsets of a constrained search (torch-so3 <c>get_roll_angles</c>, other_programs spec §5.3): a tilt by
/// theta about an axis in the x-y plane followed by a spin by psi about z, <c>R = Rz(psi) · Rz(roll) · Ry(theta) ·
/// Rz(−roll)</c>, written as the Euler angles <c>(phi, theta, psi) = ((roll + psi) mod 360, theta, 360 − roll)</c>. The
/// tilt axis is <c>Rz(roll)·ŷ = (−sin roll, cos roll, 0)</c>. All angles in degrees.
/// </summary>
/// <remarks>
/// Values are float32, as upstream computes them: psi and theta from <c>torch.arange(min, max + 1e-6, step)</c>
/// (so max is included), roll from <c>arange(0, 180, rollStep)</c> when every roll axis is searched, or the single angle
/// of a given axis <c>[x, y]</c>, <c>atan2(y, x)</c> moved into [0, 180]; the tilt axis is then perpendicular to
/// <c>[x, y]</c> (upstream's behaviour: the default <c>[0, 1]</c> tilts about −x). Rows are ordered roll slowest, then
/// theta, then psi fastest.
/// </remarks>
public static class RollGrid
{
    /// <summary>Added to the psi and theta upper bounds so that they are part of the range (upstream constant).</summary>
    public const double MaxEpsilon = 1e-6;

    /// <summary>The roll angles searched: every <paramref name="rollStep"/> degrees in [0, 180) when
    /// <paramref name="rollAxis"/> is null, else the angle of that axis.</summary>
    /// <param name="rollAxis">Roll axis <c>[x, y]</c> (any length, not both zero), or null to search every axis.</param>
    /// <param name="rollStep">Step between searched roll angles, degrees, &gt; 0 (used when <paramref name="rollAxis"/>
    /// is null).</param>
    public static float[] RollAngles((double X, double Y)? rollAxis, double rollStep)
    {
        if (rollAxis is not { } axis)
        {
            GridArguments.RequirePositiveStep(rollStep, nameof(rollStep));
            return [.. Arange.Torch(0, 180, rollStep).Select(v => (float)v)];
        }

        if (!double.IsFinite(axis.X) || !double.IsFinite(axis.Y) || (axis.X == 0 && axis.Y == 0))
        {
            throw new ArgumentException($"The roll axis [{axis.X}, {axis.Y}] is not a direction in the x-y plane.", nameof(rollAxis));
        }

        // torch: rad2deg(atan2(y, x)) on float32 values, then + 180 when negative.
        var angle = MathF.Atan2((float)axis.Y, (float)axis.X) * (float)(180 / Math.PI);
        return [angle < 0 ? angle + 180f : angle];
    }

    /// <summary>Inclusive float32 values <c>min, min + step, …</c> up to <c>max</c> (<c>arange(min, max + 1e-6,
    /// step)</c>).</summary>
    /// <exception cref="ArgumentException">A non-positive step, non-finite bounds or <c>max &lt; min</c>.</exception>
    public static float[] InclusiveValues(double min, double max, double step, string name)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || max < min)
        {
            throw new ArgumentException($"The {name} range {min}..{max} degrees is empty or not finite.");
        }

        GridArguments.RequirePositiveStep(step, name + " step");
        return [.. Arange.Torch(min, max + MaxEpsilon, step).Select(v => (float)v)];
    }

    /// <summary>Number of offsets <see cref="Generate"/> returns, without building them (arguments as there; as a
    /// double, so that absurd steps give a large number rather than an overflow).</summary>
    /// <exception cref="ArgumentException">Arguments <see cref="Generate"/> would reject.</exception>
    public static double Count(
        double psiStep, double psiMin, double psiMax, double thetaStep, double thetaMin, double thetaMax,
        (double X, double Y)? rollAxis, double rollStep)
    {
        double rolls = rollAxis is null ? Length(0, 180, rollStep, "roll") : RollAngles(rollAxis, rollStep).Length;
        return rolls * Length(thetaMin, thetaMax + MaxEpsilon, thetaStep, "theta")
               * Length(psiMin, psiMax + MaxEpsilon, psiStep, "psi");
    }

    /// <summary>The offsets as Euler angles (degrees, float32 values), roll slowest, psi fastest.</summary>
    /// <param name="psiStep">Spin step, degrees, &gt; 0.</param>
    /// <param name="psiMin">First spin, degrees.</param>
    /// <param name="psiMax">Last spin, degrees (inclusive).</param>
    /// <param name="thetaStep">Tilt step, degrees, &gt; 0.</param>
    /// <param name="thetaMin">First tilt, degrees.</param>
    /// <param name="thetaMax">Last tilt, degrees (inclusive).</param>
    /// <param name="rollAxis">The roll axis <c>[x, y]</c>, or null to search every roll angle.</param>
    /// <param name="rollStep">Roll step, degrees (when <paramref name="rollAxis"/> is null).</param>
    public static EulerAngles[] Generate(
        double psiStep, double psiMin, double psiMax, double thetaStep, double thetaMin, double thetaMax,
        (double X, double Y)? rollAxis, double rollStep)
    {
        var rolls = RollAngles(rollAxis, rollStep);
        var thetas = InclusiveValues(thetaMin, thetaMax, thetaStep, "theta");
        var psis = InclusiveValues(psiMin, psiMax, psiStep, "psi");
        var offsets = new EulerAngles[checked(rolls.Length * thetas.Length * psis.Length)];
        var next = 0;
        foreach (var roll in rolls)
        {
            foreach (var theta in thetas)
            {
                foreach (var psi in psis)
                {
                    offsets[next++] = new EulerAngles(FloorMod360(roll + psi), theta, 360f - roll);
                }
            }
        }

        return offsets;
    }

    private static double Length(double min, double end, double step, string name)
    {
        if (!double.IsFinite(min) || !double.IsFinite(end) || end < min)
        {
            throw new ArgumentException($"The {name} range {min}..{end} degrees is empty or not finite.");
        }

        GridArguments.RequirePositiveStep(step, name + " step");
        return Arange.RawLength(min, end, step);
    }

    // torch's float remainder: the sign follows the divisor, so the result lies in [0, 360).
    private static float FloorMod360(float value)
    {
        var remainder = value % 360f;
        return remainder < 0 ? remainder + 360f : remainder;
    }
}
