using LeopardEm.Io;

namespace LeopardEm.Simulation;

/// <summary>
/// Atoms prepared for voxel integration on the fine grid, sorted by z voxel so that a slab of planes finds its atoms
/// by binary search. For atom a and Gaussian term i (of <see cref="Terms"/>), the potential is
/// <c>Amplitude·Π_d [erf(K·r2_d) − erf(K·r1_d)]</c> over the voxel edges r1, r2 (Å, relative to the atom), summed over
/// the voxels within <c>HalfWidth</c> of the atom's voxel, i.e. at least <see cref="FootprintSigmas"/> standard
/// deviations of that Gaussian, so every term keeps more than 99.8 % of its integral.
/// </summary>
internal sealed class AtomFootprints
{
    /// <summary>Gaussian terms per atom (the Peng parameterisation).</summary>
    public const int Terms = 5;

    /// <summary>Footprint radius in standard deviations of each term: the mass outside the cube is below
    /// 3·erfc(3.5/√2) ≈ 0.14 % of the term.</summary>
    public const double FootprintSigmas = 3.5;

    // ttsim3d (after cisTEM) scales every B-factor by 1/4 before adding it to the Gaussian widths.
    private const double BFactorWeight = 0.25;

    private AtomFootprints(int count)
    {
        Count = count;
        Voxel = new int[count * 3];
        Offset = new double[count * 3];
        K = new double[count * Terms];
        Amplitude = new float[count * Terms];
        HalfWidth = new int[count * Terms];
    }

    public int Count { get; }

    /// <summary>Voxel index (z, y, x) of atom a at [3a..3a+2]: the voxel whose centre is nearest the atom.</summary>
    public int[] Voxel { get; }

    /// <summary>Atom position minus its voxel centre, (z, y, x) in fine voxels, each in [−0.5, 0.5).</summary>
    public double[] Offset { get; }

    /// <summary>Per term: 2π/√(bᵢ + B′) in 1/Å.</summary>
    public double[] K { get; }

    /// <summary>Per term: lead term × aᵢ (the term's total over all voxels is 8 × this).</summary>
    public float[] Amplitude { get; }

    /// <summary>Per term: footprint half-width in fine voxels.</summary>
    public int[] HalfWidth { get; }

    /// <summary>Largest half-width of any term of any atom.</summary>
    public int MaxHalfWidth { get; private set; }

    /// <summary>Index of the first atom whose z voxel is at least <paramref name="z"/>.</summary>
    public int FirstAtZ(int z) => Numerics.SortedSearch.LowerBound<int>(Voxel, z, stride: 3);

    /// <summary>Prepares <paramref name="model"/>'s atoms (coordinates as they are: Å 0 is the grid centre).</summary>
    /// <param name="model">Atoms to simulate.</param>
    /// <param name="grid">The simulation grids.</param>
    /// <param name="bFactorScaling">Factor applied to each file B-factor.</param>
    /// <param name="additionalBFactor">Å² added after scaling.</param>
    /// <param name="leadTerm">Potential per unit of scattering amplitude and voxel-mass fraction (see
    /// <see cref="PotentialSimulator.LeadTerm"/>).</param>
    /// <exception cref="ArgumentException">An element has no scattering factors, a B-factor makes a Gaussian width
    /// non-positive, or an atom's footprint leaves the box.</exception>
    public static AtomFootprints Build(
        AtomicModel model, SimulationGrid grid, double bFactorScaling, double additionalBFactor, double leadTerm)
    {
        var atoms = model.Atoms;
        var psU = grid.UpsampledPixelSize;
        var n = grid.UpsampledSize;
        var zIndex = new long[atoms.Count];
        var order = new int[atoms.Count];
        var unsorted = new AtomFootprints(atoms.Count);
        var worstReach = 0.0;
        (AtomSite Atom, int HalfWidth)? outside = null;
        for (var a = 0; a < atoms.Count; a++)
        {
            var atom = atoms[a];
            if (!ScatteringFactors.TryGet(atom.Element, out var factors))
            {
                throw new ArgumentException(
                    $"{Where(model, atom)}: element '{atom.Element}' has no electron scattering factors (known: H to CF).");
            }

            var bPrime = BFactorWeight * (atom.BFactor * bFactorScaling + additionalBFactor);
            var atomHalfWidth = 0;
            for (var i = 0; i < Terms; i++)
            {
                var width = factors.B[i] + bPrime;
                if (!(width > 0))
                {
                    throw new ArgumentException(
                        $"{Where(model, atom)}: B-factor {atom.BFactor} Å² gives B' = {bPrime:G4} Å² and a Gaussian width " +
                        $"b{i + 1} + B' = {width:G4} Å², which must be positive; raise the added B-factor or its scaling.");
                }

                var sigma = Math.Sqrt(width / (8 * Math.PI * Math.PI));
                var halfWidth = Math.Max(1, (int)Math.Ceiling(FootprintSigmas * sigma / psU));
                unsorted.K[a * Terms + i] = 2 * Math.PI / Math.Sqrt(width);
                unsorted.Amplitude[a * Terms + i] = (float)(leadTerm * factors.A[i]);
                unsorted.HalfWidth[a * Terms + i] = halfWidth;
                atomHalfWidth = Math.Max(atomHalfWidth, halfWidth);
            }

            unsorted.MaxHalfWidth = Math.Max(unsorted.MaxHalfWidth, atomHalfWidth);
            ReadOnlySpan<double> position = [atom.Z, atom.Y, atom.X];
            for (var d = 0; d < 3; d++)
            {
                var c = position[d] / psU + n / 2;
                var index = Math.Floor(c + 0.5);
                unsorted.Voxel[3 * a + d] = (int)Math.Clamp(index, int.MinValue / 2, int.MaxValue / 2);
                unsorted.Offset[3 * a + d] = c - index;
                worstReach = Math.Max(worstReach, Math.Abs(position[d]) + (atomHalfWidth + 1) * psU);
                if (index - atomHalfWidth < 0 || index + atomHalfWidth > n - 1)
                {
                    outside ??= (atom, atomHalfWidth);
                }
            }

            zIndex[a] = (long)unsorted.Voxel[3 * a] * atoms.Count + a;
            order[a] = a;
        }

        if (outside is ({ } first, var reach))
        {
            var needed = 2 * (int)Math.Ceiling(worstReach / grid.PixelSize) + 2;
            throw new ArgumentException(
                $"{Where(model, first)}: the atom at ({first.X:F3}, {first.Y:F3}, {first.Z:F3}) Å and its potential " +
                $"({reach * psU:F2} Å around it) do not fit in the {grid.Size}³ box of {grid.Size * grid.PixelSize:F1} Å " +
                $"centred on the origin; the model needs a box of at least {needed} voxels at {grid.PixelSize} Å.");
        }

        // Keys are unique (z voxel, then file order), so the order, and with it the float sums, never depend on threads.
        Array.Sort(zIndex, order);
        return unsorted.Permuted(order);
    }

    private static string Where(AtomicModel model, AtomSite atom) =>
        atom.Line > 0 ? $"{model.SourceName}:{atom.Line}" : model.SourceName;

    private AtomFootprints Permuted(int[] order)
    {
        var sorted = new AtomFootprints(Count) { MaxHalfWidth = MaxHalfWidth };
        for (var to = 0; to < Count; to++)
        {
            var from = order[to];
            Array.Copy(Voxel, 3 * from, sorted.Voxel, 3 * to, 3);
            Array.Copy(Offset, 3 * from, sorted.Offset, 3 * to, 3);
            Array.Copy(K, Terms * from, sorted.K, Terms * to, Terms);
            Array.Copy(Amplitude, Terms * from, sorted.Amplitude, Terms * to, Terms);
            Array.Copy(HalfWidth, Terms * from, sorted.HalfWidth, Terms * to, Terms);
        }

        return sorted;
    }
}
