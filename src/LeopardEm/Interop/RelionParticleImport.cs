using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Particles;
using LeopardEm.Settings;

namespace LeopardEm.Interop;

/// <summary>
/// A RELION 3.1 particle STAR file as the input of a refinement. The STAR file gives each particle's micrograph,
/// centre, orientation, defocus and phase shift; a refinement also needs the full search's statistics maps (its
/// z-scores are against the search's mean and standard deviation at each position), which a STAR file does not name.
/// They come from the match_template runs that searched the micrographs (<see cref="MatchTemplateRun"/>, one per
/// micrograph): a particle belongs to the run whose <c>micrograph_path</c> is its micrograph (the same file, or else
/// the only run with the same file name, since RELION names micrographs relative to its project). The run's
/// configuration gives what RELION does not keep (CTF B-factor, aberrations) and the microscope; the rows are
/// match_template's particle table (<see cref="MatchTemplateParticleColumns"/>), with the MIP, z-score, mean and
/// standard deviation read from the run's maps at each particle, so a refinement reads them exactly like a CSV.
/// </summary>
public static class RelionParticleImport
{
    // Micrograph pixel sizes agree to the precision files print them with.
    private const double PixelSizeTolerance = 1e-3;

    /// <summary>Reads <paramref name="starPath"/> into a particle stack (see the class summary).</summary>
    /// <param name="starPath">The particle STAR file.</param>
    /// <param name="runs">The match_template runs of the particles' micrographs.</param>
    /// <param name="baseDirectory">Directory the runs' relative paths are resolved against.</param>
    /// <param name="templateSize">Template edge N, pixels: the template's corner is the rounded centre − N/2.</param>
    /// <param name="micrographDirectory">Where the micrographs are, for STAR files that name them relative to a RELION
    /// project (see <see cref="RelionParticleStar.Read"/>); null to resolve against the STAR file's folder.</param>
    /// <exception cref="StarFormatException">The STAR file is malformed (file and line in the message).</exception>
    /// <exception cref="FormatException">No runs are given, a particle's micrograph has no run, pixel sizes differ,
    /// or a particle lies outside its run's maps.</exception>
    /// <exception cref="FileNotFoundException">A run's map does not exist.</exception>
    public static ImportedParticles Read(
        string starPath, IReadOnlyList<MatchTemplateRun> runs, string baseDirectory, int templateSize, string? micrographDirectory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(starPath);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(templateSize, 2);
        if (runs.Count == 0)
        {
            throw new FormatException(
                $"{starPath} is a RELION particle STAR file, which does not name the full search's statistics maps that refinement " +
                "scores against; name the match_template configuration of each micrograph (--match-template-config).");
        }

        var set = RelionParticleStar.Read(starPath, micrographDirectory);
        var matcher = new RunMatcher(starPath, runs, baseDirectory);
        var notes = new List<string>();
        var maps = new Dictionary<MatchTemplateRun, RunMaps>();
        var particles = new List<MatchTemplateParticle>(set.Particles.Count);
        var fractional = 0;
        for (var i = 0; i < set.Particles.Count; i++)
        {
            var particle = set.Particles[i];
            var run = matcher.RunOf(particle.MicrographPath, i);
            var configured = run.Settings.OpticsGroup;
            var optics = set.OpticsOf(particle.OpticsGroup);
            if (Math.Abs(optics.MicrographPixelSize - configured.PixelSize) > PixelSizeTolerance * configured.PixelSize)
            {
                throw new FormatException(
                    $"{starPath}: particle {i} is in optics group {optics.Number}, whose micrograph pixel size is {optics.MicrographPixelSize} Å, " +
                    $"but {run.Name} searched its micrograph at {configured.PixelSize} Å; the coordinates must be pixels of the searched micrograph.");
            }

            var (centreX, centreY) = (Whole(particle.X), Whole(particle.Y));
            fractional += centreX != particle.X || centreY != particle.Y ? 1 : 0;
            var (x, y) = (centreX - templateSize / 2, centreY - templateSize / 2);
            if (!maps.TryGetValue(run, out var runMaps))
            {
                maps[run] = runMaps = RunMaps.Load(run, baseDirectory);
            }

            if (x < 0 || y < 0 || x >= runMaps.Mip.Width || y >= runMaps.Mip.Height)
            {
                throw new FormatException(
                    $"{starPath}: particle {i} is centred at ({particle.X}, {particle.Y}) px, so its template's corner ({x}, {y}) lies outside " +
                    $"the {runMaps.Mip.Width} x {runMaps.Mip.Height} px maps of {run.Name}, where no z-score is known.");
            }

            particles.Add(new MatchTemplateParticle
            {
                Index = i,
                Mip = runMaps.Mip[y, x],
                ZScore = runMaps.ScaledMip[y, x],
                CorrelationMean = runMaps.Mean[y, x],
                CorrelationStandardDeviation = runMaps.StandardDeviation[y, x],
                TotalCorrelations = runMaps.TotalCorrelations,
                X = x,
                Y = y,
                TemplateSize = templateSize,
                Phi = (float)particle.Orientation.Phi,
                Theta = (float)particle.Orientation.Theta,
                Psi = (float)particle.Orientation.Psi,
                RelativeDefocus = 0,
                PixelSize = (float)configured.PixelSize,
                Settings = run.Settings with
                {
                    OpticsGroup = configured with
                    {
                        DefocusU = particle.DefocusU,
                        DefocusV = particle.DefocusV,
                        AstigmatismAngle = particle.AstigmatismAngle,
                        PhaseShift = particle.PhaseShift,
                    },
                },
            });
            MicroscopeNotes(notes, starPath, optics, run);
        }

        notes.AddRange(matcher.Notes);
        if (fractional > 0)
        {
            notes.Add($"{fractional} of {set.Particles.Count} particle centres in {starPath} are not whole pixels; they are rounded to the nearest pixel, around which the refinement searches.");
        }

        return new ImportedParticles(new ParticleStack(MatchTemplateParticleColumns.ToTable(particles), starPath), notes);
    }

    private static int Whole(double pixels) => (int)Math.Round(pixels, MidpointRounding.AwayFromZero);

    // The microscope comes from the configuration the maps were computed with; a STAR file that disagrees is reported once per group and run.
    private static void MicroscopeNotes(List<string> notes, string starPath, ParticleOptics optics, MatchTemplateRun run)
    {
        var configured = run.Settings.OpticsGroup;
        (string Key, double Star, double Yaml)[] values =
        [
            ("voltage", optics.VoltageKv, configured.Voltage),
            ("spherical_aberration", optics.SphericalAberrationMm, configured.SphericalAberration),
            ("amplitude_contrast_ratio", optics.AmplitudeContrast, configured.AmplitudeContrastRatio),
        ];
        foreach (var (key, star, yaml) in values.Where(v => Math.Abs(v.Star - v.Yaml) > 1e-3 * Math.Abs(v.Yaml) + 1e-9))
        {
            var note =
                $"{starPath}: optics group {optics.Number} has {key} {star}, {run.Name} {yaml}; the configuration's is used (its maps were computed with it).";
            if (!notes.Contains(note))
            {
                notes.Add(note);
            }
        }
    }

    // Finds the run of a particle's micrograph: the same file, else the only run with the same file name.
    private sealed class RunMatcher
    {
        private readonly string _starPath;
        private readonly List<(MatchTemplateRun Run, string Micrograph)> _runs;
        private readonly Dictionary<string, MatchTemplateRun> _known = new(StringComparer.Ordinal);

        public RunMatcher(string starPath, IReadOnlyList<MatchTemplateRun> runs, string baseDirectory)
        {
            _starPath = starPath;
            _runs = [.. runs.Select(r => (r, FilePaths.Canonical(MatchTemplatePaths.Resolve(r.Settings.MicrographPath, baseDirectory))))];
            foreach (var group in _runs.GroupBy(r => r.Micrograph).Where(g => g.Count() > 1))
            {
                throw new FormatException(
                    $"{string.Join(" and ", group.Select(r => r.Run.Name))} searched the same micrograph '{group.Key}'; give one configuration per micrograph.");
            }
        }

        public List<string> Notes { get; } = [];

        public MatchTemplateRun RunOf(string micrograph, int particle)
        {
            if (_known.TryGetValue(micrograph, out var known))
            {
                return known;
            }

            var canonical = FilePaths.Canonical(micrograph);
            var run = _runs.Where(r => r.Micrograph == canonical).Select(r => r.Run).FirstOrDefault();
            if (run is null)
            {
                var byName = _runs.Where(r => Path.GetFileName(r.Micrograph) == Path.GetFileName(micrograph)).ToList();
                if (byName.Count != 1)
                {
                    throw new FormatException(
                        $"{_starPath}: particle {particle} is in micrograph '{micrograph}', which is not the micrograph_path of " +
                        (byName.Count == 0 ? "any" : "exactly one") + " of the match_template configurations (" +
                        string.Join(", ", _runs.Select(r => $"{r.Run.Name}: '{r.Micrograph}'")) + "); give the configuration " +
                        "of its search with --match-template-config, or --micrograph-dir when the STAR file names the micrographs elsewhere.");
                }

                run = byName[0].Run;
                Notes.Add($"{_starPath}: the micrograph '{micrograph}' is matched by its file name to '{byName[0].Micrograph}' of {run.Name}.");
            }

            return _known[micrograph] = run;
        }
    }

    // The statistics maps of one run, read once.
    private sealed record RunMaps(Image2D Mip, Image2D ScaledMip, Image2D Mean, Image2D StandardDeviation, long TotalCorrelations)
    {
        public static RunMaps Load(MatchTemplateRun run, string baseDirectory)
        {
            var result = run.Settings.MatchTemplateResult;
            Image2D Map(string key, string path)
            {
                var full = MatchTemplatePaths.Resolve(path, baseDirectory);
                return File.Exists(full)
                    ? MrcReader.ReadImage(full)
                    : throw new FileNotFoundException(
                        $"{run.Name}: {MatchTemplateResultConfig.YamlKey}.{key} '{path}' (resolved to '{full}') does not exist; the particles' " +
                        "z-scores need the maps of the search that found them.", full);
            }

            var maps = new RunMaps(
                Map("mip_path", result.MipPath),
                Map("scaled_mip_path", result.ScaledMipPath),
                Map("correlation_average_path", result.CorrelationAveragePath),
                Map("correlation_variance_path", result.CorrelationVariancePath),
                run.Settings.OrientationSearchConfig.CountOrientations() * run.Settings.DefocusSearchConfig.GetRelativeDefocusValues().Length
                    * run.Settings.PixelSizeSearchConfig.GetPixelSizeOffsets().Length);
            Image2D[] all = [maps.ScaledMip, maps.Mean, maps.StandardDeviation];
            if (all.Any(m => m.Width != maps.Mip.Width || m.Height != maps.Mip.Height))
            {
                throw new FormatException($"{run.Name}: the maps of {MatchTemplateResultConfig.YamlKey} differ in size; they are not of one search.");
            }

            return maps;
        }
    }
}
