using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Orientations;
using LeopardEm.Particles;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Simulation;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.TestData;

/// <summary>What an <see cref="OptimizeTemplateScenario"/> is made of.</summary>
public sealed record OptimizeTemplateScenarioOptions
{
    /// <summary>The atomic model, or null for a random compact 600-atom model made in code.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Pixel size of the micrograph and of the template the particles are projected from, Å.</summary>
    public double TruePixelSize { get; init; } = 1.2;

    /// <summary>Additional B-factor of the template the particles are projected from, Å².</summary>
    public double TrueBFactor { get; init; }

    /// <summary>Template edge N, voxels.</summary>
    public int TemplateSize { get; init; } = 48;

    /// <summary>Box edge around each particle, pixels.</summary>
    public int BoxSize { get; init; } = 56;

    /// <summary>Micrograph edge, pixels.</summary>
    public int MicrographSize { get; init; } = 192;

    /// <summary>Particles on a square grid in the micrograph (at most as many as fit).</summary>
    public int ParticleCount { get; init; } = 9;

    /// <summary>Matched-filter signal-to-noise ratio of an average particle (≈ its z-score).</summary>
    public double SignalToNoise { get; init; } = 20;

    /// <summary>Seed of the model, poses and noise.</summary>
    public int Seed { get; init; } = 5;
}

/// <summary>
/// A synthetic optimize_template case: a template simulated from an atomic model at a known pixel size and B-factor,
/// its CTF-filtered projections planted at random orientations and defoci in a micrograph of white noise, and the
/// files optimize_template reads (micrograph, particle table with the true poses, match_template statistics maps of
/// mean 0 and standard deviation 1, so a z-score is the normalised correlation itself, and the model as PDB) in a
/// temporary folder. <see cref="Settings"/> starts the search at a chosen pixel spacing.
/// </summary>
public sealed class OptimizeTemplateScenario : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<EulerAngles> _angles = [];

    public OptimizeTemplateScenario(OptimizeTemplateScenarioOptions options)
    {
        Options = options;
        var random = new Random(options.Seed);
        ModelPath = options.ModelPath ?? WriteRandomModel(random);
        Simulator = new SimulatorSettings
        {
            PdbFilepath = ModelPath,
            PixelSpacing = options.TruePixelSize,
            VolumeShape = [options.TemplateSize, options.TemplateSize, options.TemplateSize],
            AdditionalBFactor = options.TrueBFactor,
            // No dose filter or MTF: they would damp the high frequencies that tell pixel sizes apart.
            SimulatorConfig = new SimulatorConfig { ApplyDqe = false, ApplyDoseWeighting = false },
        };
        var template = new PotentialSimulator(Simulator).Simulate(AtomicModel.Read(ModelPath));
        Optics = new OpticsGroup
        {
            Label = "synthetic",
            PixelSize = options.TruePixelSize,
            Voltage = 300,
            DefocusU = 8000,
            DefocusV = 7600,
            AstigmatismAngle = 40,
        };
        Truth = Plant(random);

        var ctf = MatchTemplateInputsBuilder.CtfOf(Optics);
        var size = options.MicrographSize;
        var clean = PlantedParticles.Micrograph(template, size, size, ctf, options.TruePixelSize, Truth, noise: 0, seed: 0);
        // White noise whose matched-filter SNR for an average particle is SignalToNoise: SNR ≈ √(Σ signal²) / σ.
        var energy = clean.Data.Sum(v => (double)v * v) / Truth.Count;
        var noise = Math.Sqrt(energy) / options.SignalToNoise;
        var micrograph = PlantedParticles.Micrograph(template, size, size, ctf, options.TruePixelSize, Truth, noise, options.Seed + 1);
        MrcWriter.Write(File("micrograph.mrc"), micrograph, overwrite: false);
        var maps = size - options.TemplateSize + 1;
        MrcWriter.Write(File("mean.mrc"), new Image2D(maps, maps), overwrite: false);
        var ones = new Image2D(maps, maps);
        Array.Fill(ones.Data, 1f);
        MrcWriter.Write(File("std.mrc"), ones, overwrite: false);
        ParticleTableCsv.Write(File("particles.csv"), MatchTemplateParticleColumns.ToTable(Rows()), overwrite: false);
    }

    public OptimizeTemplateScenarioOptions Options { get; }

    /// <summary>The planted particles (top-left corners, orientations, relative defoci).</summary>
    public IReadOnlyList<PlantedParticle> Truth { get; }

    /// <summary>The simulation the particles were projected from.</summary>
    public SimulatorSettings Simulator { get; }

    public OpticsGroup Optics { get; }

    public string ModelPath { get; }

    public string Directory => _directory.Path;

    public string File(string name) => _directory.File(name);

    /// <summary>Settings that simulate like the truth but search the pixel size from <paramref name="start"/> Å with Leopard-EM's example grids (coarse
    /// ±0.05 Å in 0.01 Å steps, fine ±0.005 Å in 0.001 Å steps).</summary>
    public OptimizeTemplateSettings Settings(double start) => new()
    {
        ParticleStack = new ParticleStackConfig
        {
            DfPath = File("particles.csv"),
            ExtractedBoxSize = ImageShape.Square(Options.BoxSize),
            OriginalTemplateSize = ImageShape.Square(Options.TemplateSize),
        },
        PixelSizeCoarseSearch = new PixelSizeSearchConfig { Enabled = true, PixelSizeMin = -0.05, PixelSizeMax = 0.05, PixelSizeStep = 0.01 },
        PixelSizeFineSearch = new PixelSizeSearchConfig { Enabled = true, PixelSizeMin = -0.005, PixelSizeMax = 0.005, PixelSizeStep = 0.001 },
        PreprocessingFilters = new PreprocessingFilters(),
        ComputationalConfig = new ComputationalConfigMatch { GpuIds = GpuIds.Cpu },
        Simulator = Simulator with { PixelSpacing = start },
    };

    public void Dispose() => _directory.Dispose();

    // A compact, irregular cloud of C/N/O/S atoms (about 1.5 Å apart on average) within 0.35 of the box at the true
    // pixel size, so every candidate of the example grids fits.
    private string WriteRandomModel(Random random)
    {
        var radius = 0.35 * Options.TemplateSize * Options.TruePixelSize;
        var elements = new[] { "C", "C", "C", "N", "O", "S" };
        var atoms = new List<AtomSite>();
        while (atoms.Count < 600)
        {
            var (x, y, z) = (Uniform(random), Uniform(random), Uniform(random));
            // An elongated, lopsided ellipsoid so no projection is symmetric.
            if (x * x + 2 * y * y + 3 * z * z > 1 || (x > 0.5 && y > 0.2))
            {
                continue;
            }

            atoms.Add(new AtomSite
            {
                Element = elements[random.Next(elements.Length)],
                AtomName = "X",
                ResidueName = "UNK",
                ChainId = "A",
                X = radius * x,
                Y = radius * y,
                Z = radius * z,
                BFactor = 10 + 20 * random.NextDouble(),
            });
        }

        var path = File("model.pdb");
        System.IO.File.WriteAllText(path, AtomicModelTexts.ToPdb(atoms));
        return path;
    }

    // Particles on a square grid (one per cell of a box plus margin), random orientations and defoci; angles are float32
    // values so the table holds them exactly.
    private List<PlantedParticle> Plant(Random random)
    {
        var cell = Options.BoxSize + 8;
        var perRow = Math.Max(1, Options.MicrographSize / cell);
        var particles = new List<PlantedParticle>();
        for (var i = 0; i < Math.Min(Options.ParticleCount, perRow * perRow); i++)
        {
            var angles = new EulerAngles(
                360 * random.NextDouble(), Math.Acos(Uniform(random)) * 180 / Math.PI, 360 * random.NextDouble()).RoundToSingle();
            var (y, x) = (i / perRow * cell + 8, i % perRow * cell + 8);
            particles.Add(new PlantedParticle(y, x, angles.ToMatrix(), (float)(600 * Uniform(random))));
            _angles.Add(angles);
        }

        return particles;
    }

    private IEnumerable<MatchTemplateParticle> Rows()
    {
        var match = new MatchTemplateSettings
        {
            MicrographPath = File("micrograph.mrc"),
            TemplateVolumePath = File("template.mrc"),
            OpticsGroup = Optics,
            DefocusSearchConfig = new DefocusSearchConfig(),
            OrientationSearchConfig = new OrientationSearchConfig(),
            PreprocessingFilters = new PreprocessingFilters(),
            MatchTemplateResult = new MatchTemplateResultConfig
            {
                MipPath = File("mip.mrc"),
                ScaledMipPath = File("scaled_mip.mrc"),
                CorrelationAveragePath = File("mean.mrc"),
                CorrelationVariancePath = File("std.mrc"),
                OrientationPsiPath = File("psi.mrc"),
                OrientationThetaPath = File("theta.mrc"),
                OrientationPhiPath = File("phi.mrc"),
                RelativeDefocusPath = File("defocus.mrc"),
            },
            ComputationalConfig = new ComputationalConfigMatch(),
        };
        return Truth.Select((p, i) =>
        {
            var angles = _angles[i];
            return new MatchTemplateParticle
            {
                Index = i,
                // Scores of a search that never ran: optimize_template does not read them.
                Mip = 0,
                ZScore = 0,
                CorrelationMean = 0,
                CorrelationStandardDeviation = 1,
                TotalCorrelations = 1,
                X = p.X,
                Y = p.Y,
                TemplateSize = Options.TemplateSize,
                Phi = (float)angles.Phi,
                Theta = (float)angles.Theta,
                Psi = (float)angles.Psi,
                RelativeDefocus = (float)p.RelativeDefocus,
                PixelSize = (float)Options.TruePixelSize,
                Settings = match,
            };
        });
    }

    private static double Uniform(Random random) => 2 * random.NextDouble() - 1;
}
