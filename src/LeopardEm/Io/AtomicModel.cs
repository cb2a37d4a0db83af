namespace LeopardEm.Io;

/// <summary>
/// The atoms of one model of a macromolecular structure, in file order, as read from a PDB or mmCIF file. Every
/// atom record of the first model is kept: ATOM and HETATM, waters, ligands and all alternate locations.
/// </summary>
public sealed class AtomicModel
{
    /// <summary>Wraps a list of atoms (not copied).</summary>
    /// <param name="atoms">The atoms, in file order.</param>
    /// <param name="sourceName">File path (or other name) the atoms came from, used in messages.</param>
    public AtomicModel(IReadOnlyList<AtomSite> atoms, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(sourceName);
        Atoms = atoms;
        SourceName = sourceName;
    }

    /// <summary>The atoms, in file order.</summary>
    public IReadOnlyList<AtomSite> Atoms { get; }

    /// <summary>File path (or other name) the atoms came from.</summary>
    public string SourceName { get; }

    /// <summary>
    /// Reads a PDB (<c>.pdb</c>, <c>.ent</c>) or mmCIF (<c>.cif</c>, <c>.mmcif</c>) file; any other extension is
    /// recognised by content (an mmCIF file starts with a <c>data_</c> block).
    /// </summary>
    /// <exception cref="AtomicModelFormatException">A record is malformed, or the file holds no atoms.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AtomicModel Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = InputFile.ReadText(path, "the atomic model");
        return IsMmCif(path, text) ? MmCifReader.Parse(text, path) : PdbReader.Parse(text, path);
    }

    /// <summary>The model without hydrogens/deuteriums and/or waters.</summary>
    /// <param name="removeHydrogens">Drop atoms whose element is H or D.</param>
    /// <param name="removeWaters">Drop atoms of water residues (see <see cref="AtomSite.IsWater"/>).</param>
    public AtomicModel Without(bool removeHydrogens, bool removeWaters) => new(
        Atoms.Where(a => !(removeHydrogens && a.IsHydrogen) && !(removeWaters && a.IsWater)).ToArray(), SourceName);

    /// <summary>Unweighted mean position (x, y, z) in Å of all atoms.</summary>
    /// <exception cref="InvalidOperationException">The model has no atoms.</exception>
    public (double X, double Y, double Z) Centroid()
    {
        if (Atoms.Count == 0)
        {
            throw new InvalidOperationException($"{SourceName}: the model has no atoms.");
        }

        double x = 0, y = 0, z = 0;
        foreach (var atom in Atoms)
        {
            x += atom.X;
            y += atom.Y;
            z += atom.Z;
        }

        return (x / Atoms.Count, y / Atoms.Count, z / Atoms.Count);
    }

    /// <summary>The model moved so that its <see cref="Centroid"/> is at the origin.</summary>
    public AtomicModel Centered()
    {
        var (cx, cy, cz) = Centroid();
        return new AtomicModel(Atoms.Select(a => a with { X = a.X - cx, Y = a.Y - cy, Z = a.Z - cz }).ToArray(), SourceName);
    }

    private static bool IsMmCif(string path, string text)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".cif" or ".mmcif")
        {
            return true;
        }

        if (extension is ".pdb" or ".ent")
        {
            return false;
        }

        var first = text.AsSpan().TrimStart();
        return first.StartsWith("data_", StringComparison.OrdinalIgnoreCase) || first.StartsWith('#');
    }
}
