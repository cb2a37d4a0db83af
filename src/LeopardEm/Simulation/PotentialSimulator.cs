using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Optics;
using LeopardEm.Settings;

namespace LeopardEm.Simulation;

/// <summary>
/// Simulates the electrostatic potential of an atomic model as a cubic template volume (ttsim3d's method, spec
/// other_programs.md §6): each atom's 5-Gaussian potential, widened by its B-factor, is integrated over the voxels of
/// a grid upsampled u times; the fine grid is Fourier-cropped to the final N³ grid (frequencies −N/2…N/2−1 along z and
/// y, 0…N/2 along x), multiplied by the cumulative dose filter and the detector MTF, and transformed back. Å position 0
/// is the centre of voxel (N/2, N/2, N/2). Voxel values are
/// <c>1.043·λ/ps² × (the voxel's share of each atom's scattering amplitude Σᵢaᵢ)</c>, so summing along z gives the
/// projected potential of a pixel in ttsim3d's units.
/// </summary>
/// <remarks>
/// Atoms are rendered in slabs of planes in parallel, each slab owned by one thread, in a fixed atom order: results do
/// not depend on the thread count. Each slab is Fourier-cropped in y and x as soon as it is rendered, so the fine grid is
/// never held whole: memory is about 8·u·N³ bytes plus a few slabs per thread.
/// </remarks>
public sealed class PotentialSimulator
{
    // ttsim3d's "BOND_SCALING_FACTOR".
    private const double BondScaling = 1.043;
    private const int SlabPlanes = 16;

    private readonly DetectorMtf? _mtf;
    private readonly IFftEngine _fft;
    private readonly int _threads;

    /// <summary>Creates a simulator.</summary>
    /// <param name="settings">Grid, B-factor and filter settings; <see cref="SimulatorSettings.PdbFilepath"/> and
    /// <see cref="SimulatorConfig.MtfReference"/> are not read here.</param>
    /// <param name="mtf">Detector MTF; required when <see cref="SimulatorConfig.ApplyDqe"/> is true, ignored
    /// otherwise.</param>
    /// <param name="fft">FFT engine; <see cref="FftEngines.Default"/> when null.</param>
    /// <param name="threads">Worker threads; 0 for one per processor.</param>
    /// <exception cref="SettingsValidationException">The settings are invalid.</exception>
    /// <exception cref="ArgumentException">The MTF is missing although <c>apply_dqe</c> is true.</exception>
    public PotentialSimulator(SimulatorSettings settings, DetectorMtf? mtf = null, IFftEngine? fft = null, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        SettingsValidationException.ThrowIfAny(settings.Validate(""));
        if (settings.SimulatorConfig.ApplyDqe && mtf is null)
        {
            throw new ArgumentException("simulator_config.apply_dqe is true, so a detector MTF is needed.", nameof(mtf));
        }

        Settings = settings;
        _mtf = settings.SimulatorConfig.ApplyDqe ? mtf : null;
        _fft = fft ?? FftEngines.Default;
        _threads = Compute.ThreadCount.Resolve(threads);
        Grid = SimulationGrid.Create(settings.PixelSpacing, settings.BoxSize, settings.SimulatorConfig.Upsampling);
        LeadTerm = BondScaling * ElectronWavelength.Angstrom(settings.SimulatorConfig.Voltage) /
                   (8 * settings.PixelSpacing * settings.PixelSpacing);
    }

    /// <summary>The validated settings.</summary>
    public SimulatorSettings Settings { get; }

    /// <summary>The final and fine grids (with the upsampling factor actually used).</summary>
    public SimulationGrid Grid { get; }

    /// <summary><c>1.043·λ/(8·ps²)</c> with λ in Å and ps the final pixel size in Å: the value of a voxel that holds a
    /// whole atom of unit amplitude is 8× this.</summary>
    public double LeadTerm { get; }

    /// <summary>The atoms that are simulated: without hydrogens and/or waters as the settings say, then centred on their
    /// centroid when <see cref="SimulatorSettings.CenterAtoms"/>.</summary>
    /// <exception cref="ArgumentException">No atoms remain.</exception>
    public AtomicModel SelectAtoms(AtomicModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var selected = model.Without(Settings.RemoveHydrogens, Settings.RemoveWaters);
        if (selected.Atoms.Count == 0)
        {
            throw new ArgumentException($"{model.SourceName}: no atoms left to simulate after removing hydrogens/waters.");
        }

        return Settings.CenterAtoms ? selected.Centered() : selected;
    }

    /// <summary>Simulates the template of <paramref name="model"/> (atoms chosen by <see cref="SelectAtoms"/>).</summary>
    /// <param name="model">The atomic model.</param>
    /// <param name="progress">Receives progress reports (from worker threads); may be null.</param>
    /// <param name="cancellation">Stops the simulation between slabs and between the filtering transforms.</param>
    /// <returns>The N³ potential, <c>[z, y, x]</c>, voxel size <see cref="SimulationGrid.PixelSize"/>.</returns>
    /// <exception cref="ArgumentException">An element has no scattering factors, a B-factor is too negative, or the
    /// model does not fit in the box (the message gives the box it needs).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public Volume3D Simulate(
        AtomicModel model, IProgress<SimulationProgress>? progress = null, CancellationToken cancellation = default)
    {
        var atoms = AtomFootprints.Build(
            SelectAtoms(model), Grid, Settings.BFactorScaling, Settings.AdditionalBFactor, LeadTerm);
        var n = Grid.Size;
        var dose = Settings.SimulatorConfig.DoseFilter;
        var filter = new SpectrumFilter(Grid, dose, _mtf, _fft, _threads);
        AlignedBuffer<ComplexF> spectrum;
        using (var cropped = new AlignedBuffer<float>((long)Grid.UpsampledSize * n * n))
        {
            RenderAndCropPlanes(atoms, cropped, progress, cancellation);
            cancellation.ThrowIfCancellationRequested();
            progress?.Report(new SimulationProgress(SimulationStage.Filtering, 0, 1));
            if (Grid.Upsampling == 1 && dose is null && _mtf is null)
            {
                progress?.Report(new SimulationProgress(SimulationStage.Filtering, 1, 1));
                return new Volume3D(n, n, n, cropped.Span.ToArray());
            }

            // Only the spectrum outlives this block: the fine planes are freed before the output is allocated.
            spectrum = filter.TransformAndCrop(cropped);
        }

        using (spectrum)
        {
            // The 3-D transforms cannot be interrupted; stop between them.
            cancellation.ThrowIfCancellationRequested();
            var volume = new Volume3D(n, n, n);
            filter.FilterAndInvert(spectrum, volume.Data);
            progress?.Report(new SimulationProgress(SimulationStage.Filtering, 1, 1));
            return volume;
        }
    }

    /// <summary>Fills <paramref name="cropped"/>, <c>(u·N) x N x N</c>, with the fine grid Fourier-cropped along y and x
    /// plane by plane (a plain copy when u = 1).</summary>
    private void RenderAndCropPlanes(
        AtomFootprints atoms, AlignedBuffer<float> cropped, IProgress<SimulationProgress>? progress, CancellationToken cancellation)
    {
        var fine = Grid.UpsampledSize;
        var slabs = (fine + SlabPlanes - 1) / SlabPlanes;
        var done = 0;
        progress?.Report(new SimulationProgress(SimulationStage.Rendering, 0, slabs));
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Min(_threads, slabs), CancellationToken = cancellation };
        Parallel.For(
            0, slabs, options,
            () => new SlabWorker(atoms, Grid, _fft, SlabPlanes),
            (s, _, worker) =>
            {
                var z0 = s * SlabPlanes;
                worker.Process(z0, Math.Min(z0 + SlabPlanes, fine), cropped);
                progress?.Report(new SimulationProgress(SimulationStage.Rendering, Interlocked.Increment(ref done), slabs));
                return worker;
            },
            worker => worker.Dispose());
    }
}
