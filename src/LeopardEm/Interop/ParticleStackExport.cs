using LeopardEm.Particles;

namespace LeopardEm.Interop;

/// <summary>
/// Turns a Leopard-EM particle table (match_template's or refine_template's, read as a <see cref="ParticleStack"/>)
/// into a <see cref="ParticleSet"/> for RELION: refined positions, angles and defocus where the table has them (the
/// stack's own preference), absolute defocus <c>defocus_u/v + relative_defocus</c>, and one optics group per distinct
/// (voltage, Cs, amplitude contrast, pixel size).
/// </summary>
public static class ParticleStackExport
{
    /// <summary>Converts every row of <paramref name="stack"/>.</summary>
    /// <param name="stack">The particle table.</param>
    /// <param name="imageSize">Edge of the particle images RELION will read: the extraction box, or the template edge
    /// when nothing is extracted, pixels.</param>
    /// <exception cref="FormatException">A needed cell is empty or not a number.</exception>
    public static ParticleSet ToParticleSet(ParticleStack stack, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 1);
        var scoreColumn = ScoreColumn(stack);
        var optics = new List<ParticleOptics>();
        var particles = new List<ParticleRecord>(stack.Count);
        foreach (var particle in stack.Particles)
        {
            var ctf = particle.Ctf;
            var pixelSize = particle.NominalPixelSize;
            var group = optics.FirstOrDefault(o =>
                o.VoltageKv == ctf.VoltageKv && o.SphericalAberrationMm == ctf.SphericalAberrationMm &&
                o.AmplitudeContrast == ctf.AmplitudeContrast && o.MicrographPixelSize == pixelSize);
            if (group is null)
            {
                group = new ParticleOptics
                {
                    Number = optics.Count + 1,
                    Name = $"opticsGroup{optics.Count + 1}",
                    VoltageKv = ctf.VoltageKv,
                    SphericalAberrationMm = ctf.SphericalAberrationMm,
                    AmplitudeContrast = ctf.AmplitudeContrast,
                    MicrographPixelSize = pixelSize,
                    ImagePixelSize = pixelSize,
                    ImageSize = imageSize,
                };
                optics.Add(group);
            }

            particles.Add(new ParticleRecord
            {
                MicrographPath = particle.MicrographPath,
                X = particle.CentreX,
                Y = particle.CentreY,
                Orientation = particle.Orientation,
                DefocusU = ctf.DefocusU,
                DefocusV = ctf.DefocusV,
                AstigmatismAngle = ctf.AstigmatismAngle,
                PhaseShift = ctf.PhaseShiftDegrees,
                FigureOfMerit = scoreColumn is null ? null : Convert.ToDouble(particle.Cells[scoreColumn], System.Globalization.CultureInfo.InvariantCulture),
                OpticsGroup = group.Number,
            });
        }

        return new ParticleSet(optics, particles, scoreColumn);
    }

    // The refined z-score when every row has one, else the search's, else none.
    private static string? ScoreColumn(ParticleStack stack)
    {
        foreach (var column in new[] { "refined_scaled_mip", "scaled_mip" })
        {
            if (stack.Table.Contains(column) && Enumerable.Range(0, stack.Count).All(r => IsFiniteNumber(stack.Table[r, column])))
            {
                return column;
            }
        }

        return null;
    }

    private static bool IsFiniteNumber(object? cell) => cell switch
    {
        int or long => true,
        float f => float.IsFinite(f),
        double d => double.IsFinite(d),
        _ => false,
    };
}
