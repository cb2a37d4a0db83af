using System.Numerics;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Orientations;
using LeopardEm.Settings;

namespace LeopardEm.Demo;

/// <summary>
/// A complete, reproducible template-matching problem with a known answer: the built-in template
/// (<see cref="DemoTemplate"/>), a synthetic micrograph with copies planted on a jittered grid of positions
/// (<see cref="SyntheticMicrograph"/>), the list of what was planted, and match_template settings for a coarse search
/// whose orientation grid and defocus planes contain half of the planted orientations and defoci exactly; the other
/// half lie between them: a grid orientation turned by a fraction of the grid step about a random axis, and a random
/// defocus within the searched range. Settings paths are <c>{directory}/micrograph.mrc</c>, <c>{directory}/template.mrc</c>
/// and <c>{directory}/output/output_*.mrc</c>, relative to wherever the search is run from.
/// </summary>
public sealed class DemoScenario
{
    /// <summary>Where <c>leopard demo</c> writes by default, relative to the current directory.</summary>
    public const string DefaultDirectory = "leopard-demo";

    private const string OpticsLabel = "leopard-demo";

    private readonly Lazy<RotationMatrix[]> _grid;

    private DemoScenario(
        DemoScenarioOptions options, string directory, Volume3D template, Image2D micrograph,
        IReadOnlyList<PlantedParticle> particles, MatchTemplateSettings settings)
    {
        Options = options;
        DirectoryPath = directory;
        Template = template;
        Micrograph = micrograph;
        Particles = particles;
        Settings = settings;
        _grid = new(() => [.. settings.OrientationSearchConfig.GenerateOrientations().Select(o => o.RoundToSingle().ToMatrix())]);
    }

    /// <summary>The options the scenario was built from.</summary>
    public DemoScenarioOptions Options { get; }

    /// <summary>The directory the settings' paths start with (forward slashes).</summary>
    public string DirectoryPath { get; }

    /// <summary>The template volume (edge <see cref="DemoScenarioOptions.TemplateSize"/>).</summary>
    public Volume3D Template { get; }

    /// <summary>The synthetic micrograph.</summary>
    public Image2D Micrograph { get; }

    /// <summary>What was planted, in planting order.</summary>
    public IReadOnlyList<PlantedParticle> Particles { get; }

    /// <summary>match_template settings for the coarse search (overwriting earlier outputs allowed, so the search can
    /// be rerun on the same files).</summary>
    public MatchTemplateSettings Settings { get; }

    /// <summary>Where the configuration file belongs: <c>{directory}/match_template.yaml</c>.</summary>
    public string ConfigPath => $"{DirectoryPath}/match_template.yaml";

    /// <summary>Where the particle table belongs: <c>{directory}/output/particles.csv</c>.</summary>
    public string ParticleTablePath => $"{DirectoryPath}/output/particles.csv";

    /// <summary>Every file a demo run writes, as written in the settings: the two inputs, the configuration, the
    /// eight maps and the particle table.</summary>
    public IReadOnlyList<string> Files =>
    [
        Settings.MicrographPath, Settings.TemplateVolumePath, ConfigPath,
        .. Settings.MatchTemplateResult.OutputPaths.Select(o => o.Path), ParticleTablePath,
    ];

    /// <summary>The geodesic angle from <paramref name="orientation"/> to the nearest orientation of the search grid
    /// (as the search uses it, rounded to float32), degrees: 0 for copies planted on the grid.</summary>
    public double DistanceToGrid(EulerAngles orientation)
    {
        var matrix = orientation.ToMatrix();
        return _grid.Value.Min(g => g.AngleTo(matrix));
    }

    /// <summary>Builds the scenario.</summary>
    /// <param name="options">What to plant and how to search.</param>
    /// <param name="directory">Directory the settings' paths start with (relative to where the search runs, or
    /// absolute).</param>
    /// <param name="fft">FFT engine for the synthesis (<see cref="FftEngines.Default"/> when null).</param>
    public static DemoScenario Create(DemoScenarioOptions options, string directory = DefaultDirectory, IFftEngine? fft = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        directory = directory.Replace('\\', '/').TrimEnd('/');
        var settings = BuildSettings(options, directory);
        settings.ThrowIfInvalid();
        var random = new Random(options.Seed);
        var particles = Plant(options, settings, random);
        var template = DemoTemplate.Create(options.TemplateSize);
        var micrograph = SyntheticMicrograph.Generate(
            template, settings.OpticsGroup, options.ImageSize, options.ImageSize, particles, options.Noise, random.Next(), fft);
        return new DemoScenario(options, directory, template, micrograph, particles, settings);
    }

    /// <summary>Writes the template and micrograph MRC files (with their pixel size) to the settings' paths, resolved
    /// against <paramref name="baseDirectory"/>; creates the directories.</summary>
    /// <param name="baseDirectory">Directory relative paths are resolved against.</param>
    /// <param name="overwrite">Replace existing files.</param>
    public void WriteInputs(string baseDirectory, bool overwrite)
    {
        var voxel = (float)Options.PixelSize;
        var micrograph = MatchTemplatePaths.Resolve(Settings.MicrographPath, baseDirectory);
        var template = MatchTemplatePaths.Resolve(Settings.TemplateVolumePath, baseDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(micrograph)!);
        Directory.CreateDirectory(Path.GetDirectoryName(template)!);
        MrcWriter.Write(micrograph, Micrograph, overwrite, new MrcWriteOptions
        {
            VoxelSize = new Vector3(voxel, voxel, voxel),
            Labels = [$"leopard demo: {Particles.Count} planted copies, seed {Options.Seed}"],
        });
        MrcWriter.Write(template, Template, overwrite, new MrcWriteOptions
        {
            VoxelSize = new Vector3(voxel, voxel, voxel),
            Labels = ["leopard demo: built-in asymmetric template"],
        });
    }

    private static MatchTemplateSettings BuildSettings(DemoScenarioOptions options, string directory) => new()
    {
        MicrographPath = $"{directory}/micrograph.mrc",
        TemplateVolumePath = $"{directory}/template.mrc",
        OpticsGroup = new OpticsGroup
        {
            Label = OpticsLabel,
            PixelSize = options.PixelSize,
            Voltage = 300,
            SphericalAberration = 2.7,
            AmplitudeContrastRatio = 0.07,
            DefocusU = 10000,
            DefocusV = 9000,
            AstigmatismAngle = 30,
            CtfBFactor = 30,
        },
        DefocusSearchConfig = new DefocusSearchConfig
        {
            DefocusMin = -options.DefocusRange,
            DefocusMax = options.DefocusRange,
            DefocusStep = options.DefocusStep,
        },
        OrientationSearchConfig = new OrientationSearchConfig { PsiStep = options.AngularStep, ThetaStep = options.AngularStep },
        PreprocessingFilters = new PreprocessingFilters(),
        MatchTemplateResult = new MatchTemplateResultConfig
        {
            AllowFileOverwrite = true,
            MipPath = $"{directory}/output/output_mip.mrc",
            ScaledMipPath = $"{directory}/output/output_scaled_mip.mrc",
            CorrelationAveragePath = $"{directory}/output/output_correlation_average.mrc",
            CorrelationVariancePath = $"{directory}/output/output_correlation_variance.mrc",
            OrientationPsiPath = $"{directory}/output/output_orientation_psi.mrc",
            OrientationThetaPath = $"{directory}/output/output_orientation_theta.mrc",
            OrientationPhiPath = $"{directory}/output/output_orientation_phi.mrc",
            RelativeDefocusPath = $"{directory}/output/output_relative_defocus.mrc",
        },
        ComputationalConfig = new ComputationalConfigMatch(),
    };

    private static List<PlantedParticle> Plant(DemoScenarioOptions options, MatchTemplateSettings settings, Random random)
    {
        var orientations = settings.OrientationSearchConfig.GenerateOrientations();
        var defoci = settings.DefocusSearchConfig.GetRelativeDefocusValues();
        var particles = new List<PlantedParticle>();
        foreach (var (x, y) in Layout(options, random))
        {
            var onGrid = particles.Count % 2 == 0;
            var orientation = orientations[random.Next(orientations.Length)];
            var defocus = onGrid
                ? defoci[random.Next(defoci.Length)]
                : -options.DefocusRange + 2 * options.DefocusRange * random.NextDouble();
            if (!onGrid)
            {
                var turn = RandomAxisRotation(options.OffGridFraction * options.AngularStep, random);
                orientation = (orientation.ToMatrix() * turn).ToEuler();
            }

            particles.Add(new PlantedParticle(x, y, orientation, defocus, options.SignalToNoise));
        }

        return particles;
    }

    // Cells of a near-square grid over the image, one particle per cell, jittered so the pattern is not regular but
    // boxes never overlap and stay a margin away from the image edge.
    private static IEnumerable<(int X, int Y)> Layout(DemoScenarioOptions options, Random random)
    {
        if (options.ParticleCount <= 0)
        {
            yield break;
        }

        var n = options.TemplateSize;
        var columns = (int)Math.Ceiling(Math.Sqrt(options.ParticleCount));
        var rows = (options.ParticleCount + columns - 1) / columns;
        var margin = n / 2 + 2;
        double cellWidth = (options.ImageSize - 2.0 * margin) / columns, cellHeight = (options.ImageSize - 2.0 * margin) / rows;
        if (cellWidth < n + 8 || cellHeight < n + 8)
        {
            throw new ArgumentException(
                $"{options.ParticleCount} copies of a {n} px template do not fit side by side in a {options.ImageSize} px micrograph.");
        }

        for (var i = 0; i < options.ParticleCount; i++)
        {
            var jitterX = (cellWidth - n - 8) / 2 * (2 * random.NextDouble() - 1);
            var jitterY = (cellHeight - n - 8) / 2 * (2 * random.NextDouble() - 1);
            var x = margin + (i % columns + 0.5) * cellWidth + jitterX;
            var y = margin + (i / columns + 0.5) * cellHeight + jitterY;
            yield return ((int)Math.Round(x), (int)Math.Round(y));
        }
    }

    // Rotation by `degrees` about an axis drawn uniformly on the sphere (Rodrigues' formula).
    private static RotationMatrix RandomAxisRotation(double degrees, Random random)
    {
        var z = 2 * random.NextDouble() - 1;
        var azimuth = 2 * Math.PI * random.NextDouble();
        var r = Math.Sqrt(1 - z * z);
        double x = r * Math.Cos(azimuth), y = r * Math.Sin(azimuth);
        var (s, c) = Math.SinCos(degrees * Math.PI / 180);
        var t = 1 - c;
        return new RotationMatrix(
            c + x * x * t, x * y * t - z * s, x * z * t + y * s,
            y * x * t + z * s, c + y * y * t, y * z * t - x * s,
            z * x * t - y * s, z * y * t + x * s, c + z * z * t);
    }
}
