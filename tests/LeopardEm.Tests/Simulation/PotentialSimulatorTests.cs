using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Optics;
using LeopardEm.Settings;
using LeopardEm.Simulation;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Simulation;

public class PotentialSimulatorTests
{
    private static SimulatorSettings Settings(
        double pixelSize, int box, int upsampling = SimulatorConfig.AutomaticUpsampling, double? exposure = null,
        bool center = true) => new()
        {
            PdbFilepath = "in-memory",
            PixelSpacing = pixelSize,
            VolumeShape = [box, box, box],
            CenterAtoms = center,
            SimulatorConfig = new SimulatorConfig
            {
                ApplyDoseWeighting = exposure is not null,
                DoseEnd = exposure ?? 30,
                ApplyDqe = false,
                Upsampling = upsampling,
            },
        };

    private static AtomicModel Atoms(params (string Element, double X, double Y, double Z, double B)[] atoms) =>
        new(atoms.Select(a => new AtomSite { Element = a.Element, X = a.X, Y = a.Y, Z = a.Z, BFactor = a.B }).ToArray(), "test");

    private static Volume3D Simulate(SimulatorSettings settings, AtomicModel model, DetectorMtf? mtf = null, int threads = 2) =>
        new PotentialSimulator(settings, mtf, FftEngines.Managed, threads).Simulate(model);

    /// <summary>Σ over voxels = 1.043·λ·f(0)/ps²: each voxel holds its share of the atom's potential, whose integral over
    /// space is the scattering factor at s = 0, f(0) = Σaᵢ.</summary>
    private static double ExpectedSum(double pixelSize, params string[] elements) =>
        1.043 * ElectronWavelength.Angstrom(300) / (pixelSize * pixelSize) *
        elements.Sum(e => ScatteringFactors.TryGet(e, out var f) ? f.Amplitude(0) : double.NaN);

    [Theory]
    [InlineData("C", 1.0, 1, 0.0)]
    [InlineData("C", 1.0, 2, 20.0)]
    [InlineData("C", 2.0, 4, 60.0)]
    [InlineData("S", 0.7, 1, 40.0)]
    [InlineData("FE", 1.2, 2, 10.0)]
    [InlineData("H", 1.5, 3, 0.0)]
    public void The_potential_of_one_atom_integrates_to_its_scattering_factor_at_zero(
        string element, double pixelSize, int upsampling, double bFactor)
    {
        var settings = Settings(pixelSize, 32, upsampling) with { RemoveHydrogens = false };
        var volume = Simulate(settings, Atoms((element, 0.3, -0.2, 0.1, bFactor)));

        var sum = volume.Data.Sum(v => (double)v);

        Assert.Equal(1.0, sum / ExpectedSum(pixelSize, element), 0.01);
    }

    [Fact]
    public void A_symmetric_model_is_centred_on_voxel_n_over_2()
    {
        // An octahedron of oxygens around a sulfur, far from the origin in the file: centring moves it to voxel N/2.
        var (x, y, z) = (31.7, -12.4, 8.9);
        var model = Atoms(("S", x, y, z, 20), ("O", x + 1.5, y, z, 20), ("O", x - 1.5, y, z, 20), ("O", x, y + 1.5, z, 20),
            ("O", x, y - 1.5, z, 20), ("O", x, y, z + 1.5, 20), ("O", x, y, z - 1.5, 20));

        var centroid = Centroid(Simulate(Settings(1.0, 32, exposure: 30), model));

        Assert.Equal(16.0, centroid.Z, 1e-4);
        Assert.Equal(16.0, centroid.Y, 1e-4);
        Assert.Equal(16.0, centroid.X, 1e-4);
    }

    [Fact]
    public void Without_centring_file_coordinates_map_x_to_columns_and_z_to_sections()
    {
        var centroid = Centroid(Simulate(Settings(1.0, 32, center: false), Atoms(("C", 3.0, -2.0, 1.0, 10))));

        Assert.Equal(17.0, centroid.Z, 2e-3);
        Assert.Equal(14.0, centroid.Y, 2e-3);
        Assert.Equal(19.0, centroid.X, 2e-3);
    }

    [Fact]
    public void Doubling_the_exposure_scales_every_frequency_by_the_ratio_of_the_dose_filters()
    {
        const double pixelSize = 1.0;
        const int n = 32;
        var model = new AtomicModel(AtomicModelTexts.SmallMolecule(), "small");
        var low = Spectrum(Simulate(Settings(pixelSize, n, exposure: 30), model));
        var high = Spectrum(Simulate(Settings(pixelSize, n, exposure: 60), model));
        var filter30 = new CumulativeDoseFilter(0, 30);
        var filter60 = new CumulativeDoseFilter(0, 60);
        var largest = low.Max(c => c.Magnitude);

        var (checkedBins, shellLow, shellHigh, predictedHigh) = (0, 0.0, 0.0, 0.0);
        ForEachFrequency(n, (index, cyclesPerPixel) =>
        {
            var k = cyclesPerPixel / pixelSize;
            var predicted = filter60.Weight(k) / filter30.Weight(k);
            if (low[index].Magnitude > 1e-4 * largest)
            {
                Assert.True(Deviation(high[index], low[index], predicted) < 1e-3 * predicted + 1e-5 * largest / low[index].Magnitude,
                    $"bin {index} at {cyclesPerPixel:F3} cycles/px: {high[index]} vs {predicted:G6} x {low[index]}");
                checkedBins++;
            }

            if (cyclesPerPixel is > 0.35 and < 0.5)
            {
                shellLow += low[index].MagnitudeSquared;
                shellHigh += high[index].MagnitudeSquared;
                predictedHigh += low[index].MagnitudeSquared * predicted * predicted;
            }
        });

        Assert.True(checkedBins > 1000);
        Assert.True(shellHigh < 0.5 * shellLow, $"high-frequency power {shellHigh} vs {shellLow}");
        Assert.Equal(1.0, shellHigh / predictedHigh, 1e-3);
    }

    [Fact]
    public void A_detector_mtf_multiplies_every_frequency_by_its_value()
    {
        var model = new AtomicModel(AtomicModelTexts.SmallMolecule(), "small");
        var mtf = new DetectorMtf([0.0, 0.25, 0.5], [1.0, 0.8, 0.3]);
        var settings = Settings(1.0, 24);
        var plain = Spectrum(Simulate(settings, model));
        var weighted = Spectrum(Simulate(settings with { SimulatorConfig = settings.SimulatorConfig with { ApplyDqe = true } }, model, mtf));
        var largest = plain.Max(c => c.Magnitude);

        ForEachFrequency(24, (index, f) =>
        {
            if (plain[index].Magnitude > 1e-4 * largest)
            {
                Assert.True(Deviation(weighted[index], plain[index], mtf.Evaluate(f)) < 1e-3 + 1e-5 * largest / plain[index].Magnitude);
            }
        });
    }

    [Fact]
    public void Upsampling_4_and_2_differ_only_by_their_voxel_integration()
    {
        // Integrating over a fine voxel of ps/u multiplies frequency f (cycles/px) by sinc(f/u) per axis, so below half
        // the Nyquist frequency, where aliasing on the 2x grid stays small, the two spectra differ by that ratio.
        // ttsim3d's 4x crop, which keeps x frequencies N/2…N instead of 0…N/2, would not.
        const int n = 24;
        var model = new AtomicModel(AtomicModelTexts.SmallMolecule(), "small");
        var settings = Settings(2.0, n, exposure: 30) with { AdditionalBFactor = 40 };
        var two = Spectrum(Simulate(settings with { SimulatorConfig = settings.SimulatorConfig with { Upsampling = 2 } }, model));
        var four = Spectrum(Simulate(settings with { SimulatorConfig = settings.SimulatorConfig with { Upsampling = 4 } }, model));
        var largest = two.Max(c => c.Magnitude);
        static double Sinc(double t) => t == 0 ? 1 : Math.Sin(Math.PI * t) / (Math.PI * t);

        var worst = 0.0;
        var compared = 0;
        ForEachFrequency(n, (index, f) =>
        {
            var (fz, fy, fx) = Frequency(n, index);
            var predicted = Sinc(fz / 4) * Sinc(fy / 4) * Sinc(fx / 4) / (Sinc(fz / 2) * Sinc(fy / 2) * Sinc(fx / 2));
            if (f <= 0.25 && two[index].Magnitude > 1e-3 * largest)
            {
                worst = Math.Max(worst, Deviation(four[index], two[index], predicted));
                compared++;
            }
        });

        Assert.True(compared > 500);
        Assert.True(worst < 0.01, $"largest deviation from the voxel-integration ratio {worst:G3}");
    }

    [Fact]
    public void The_same_model_from_pdb_and_mmcif_gives_identical_volumes()
    {
        var atoms = AtomicModelTexts.SmallMolecule();
        var settings = Settings(1.0, 32, exposure: 40);

        var fromPdb = Simulate(settings, PdbReader.Parse(AtomicModelTexts.ToPdb(atoms), "m.pdb"));
        var fromCif = Simulate(settings, MmCifReader.Parse(AtomicModelTexts.ToMmCif(atoms), "m.cif"));

        Assert.Equal(fromPdb.Data, fromCif.Data);
        Assert.True(fromPdb.Data.Max() > 0);
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var model = new AtomicModel(AtomicModelTexts.SmallMolecule(), "small");
        var settings = Settings(0.5, 48, exposure: 30);

        Assert.Equal(Simulate(settings, model, threads: 1).Data, Simulate(settings, model, threads: 3).Data);
    }

    [Fact]
    public void Hydrogens_are_removed_by_default_and_waters_on_request()
    {
        var model = new AtomicModel(
        [
            new AtomSite { Element = "O", ResidueName = "SER" }, new AtomSite { Element = "H", ResidueName = "SER", X = 1 },
            new AtomSite { Element = "D", ResidueName = "SER", X = 2 }, new AtomSite { Element = "O", ResidueName = "HOH", X = 3 },
        ], "m");
        var simulator = new PotentialSimulator(Settings(1.0, 16), fft: FftEngines.Managed);

        Assert.Equal(2, simulator.SelectAtoms(model).Atoms.Count);
        Assert.Single(new PotentialSimulator(Settings(1.0, 16) with { RemoveWaters = true }, fft: FftEngines.Managed)
            .SelectAtoms(model).Atoms);
        Assert.Equal(4, new PotentialSimulator(Settings(1.0, 16) with { RemoveHydrogens = false }, fft: FftEngines.Managed)
            .SelectAtoms(model).Atoms.Count);
    }

    [Fact]
    public void A_model_larger_than_the_box_is_an_error_that_names_the_box_it_needs()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Simulate(Settings(1.0, 16), Atoms(("C", -9, 0, 0, 10), ("C", 9, 0, 0, 10))));

        Assert.Contains("do not fit in the 16³ box", e.Message);
        Assert.Contains("at least 2", e.Message);
    }

    [Fact]
    public void Unknown_elements_and_too_negative_b_factors_are_errors_naming_the_atom()
    {
        var unknown = new AtomicModel([new AtomSite { Element = "ES", Line = 12 }], "m.pdb");
        Assert.Contains("m.pdb:12: element 'ES'", Assert.Throws<ArgumentException>(() => Simulate(Settings(1.0, 16), unknown)).Message);

        var sharpened = Settings(1.0, 16) with { AdditionalBFactor = -10 };
        Assert.Contains("must be positive", Assert.Throws<ArgumentException>(() => Simulate(sharpened, Atoms(("C", 0, 0, 0, 0)))).Message);
    }

    [SharedDataFact("models/pdb1ubi.pdb")]
    public void Ubiquitin_integrates_to_the_sum_of_its_atoms_scattering_factors()
    {
        var model = AtomicModel.Read(SharedData.Find("models/pdb1ubi.pdb")!);

        var volume = Simulate(Settings(1.5, 48), model);

        Assert.Equal(1.0, volume.Data.Sum(v => (double)v) / ExpectedSum(1.5, model.Atoms.Select(a => a.Element).ToArray()), 0.01);
    }

    /// <summary>Centre of mass in voxels over indices 1…N−1: plane 0 of an even box has no mirror image about N/2,
    /// so leaving it out makes the Nyquist pattern (−1)^x, which every band-limited volume carries, weigh nothing.</summary>
    private static (double Z, double Y, double X) Centroid(Volume3D v)
    {
        double total = 0, z = 0, y = 0, x = 0;
        for (var i = 1; i < v.Depth; i++)
        {
            for (var j = 1; j < v.Height; j++)
            {
                for (var k = 1; k < v.Width; k++)
                {
                    var value = v[i, j, k];
                    total += value;
                    z += i * value;
                    y += j * value;
                    x += k * value;
                }
            }
        }

        return (z / total, y / total, x / total);
    }

    /// <summary>|a/b − ratio|: how far the complex ratio of two spectrum values is from a real factor.</summary>
    private static double Deviation(ComplexF a, ComplexF b, double ratio) =>
        (a - (b * (float)ratio)).Magnitude / b.Magnitude;

    private static ComplexF[] Spectrum(Volume3D v)
    {
        var spectrum = new ComplexF[v.Depth * v.Height * (v.Width / 2 + 1)];
        FftEngines.Managed.Forward3D(v.Data, spectrum, v.Depth, v.Height, v.Width);
        return spectrum;
    }

    /// <summary>Signed frequency (z, y, x) in cycles/pixel of half-spectrum index <paramref name="index"/>.</summary>
    private static (double Z, double Y, double X) Frequency(int n, int index)
    {
        var width = n / 2 + 1;
        var (z, y, x) = (index / (n * width), index / width % n, index % width);
        return ((z < n / 2 ? z : z - n) / (double)n, (y < n / 2 ? y : y - n) / (double)n, x / (double)n);
    }

    /// <summary>Calls <paramref name="visit"/> with each half-spectrum index and its |f| in cycles/pixel.</summary>
    private static void ForEachFrequency(int n, Action<int, double> visit)
    {
        var width = n / 2 + 1;
        for (var z = 0; z < n; z++)
        {
            for (var y = 0; y < n; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    double fz = z < n / 2 ? z : z - n, fy = y < n / 2 ? y : y - n;
                    visit((z * n + y) * width + x, Math.Sqrt(fz * fz + fy * fy + x * x) / n);
                }
            }
        }
    }
}
