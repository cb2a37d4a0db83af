namespace LeopardEm.Io;

/// <summary>
/// One atom record of an atomic model (PDB <c>ATOM</c>/<c>HETATM</c> line or mmCIF <c>_atom_site</c> row).
/// Coordinates are orthogonal Cartesian Å as written in the file (x, y, z; not the volume's [z, y, x] order).
/// </summary>
public sealed record AtomSite
{
    /// <summary>Element symbol in upper case ("C", "FE", "H"; deuterium is "D").</summary>
    public required string Element { get; init; }

    /// <summary>Atom name as written ("CA", "OP1", "O5'"), trimmed.</summary>
    public string AtomName { get; init; } = "";

    /// <summary>Residue (component) name ("ALA", "HOH", "MG"), trimmed.</summary>
    public string ResidueName { get; init; } = "";

    /// <summary>Chain identifier (author chain id where the file has one), trimmed.</summary>
    public string ChainId { get; init; } = "";

    /// <summary>Alternate-location indicator ("A", "B"), or empty when the atom has a single location.</summary>
    public string AltLoc { get; init; } = "";

    /// <summary>Occupancy in [0, 1]; 1 when the file leaves it blank or unknown.</summary>
    public double Occupancy { get; init; } = 1.0;

    /// <summary>Isotropic displacement (temperature) factor B in Å²; 0 when the file leaves it blank or unknown.</summary>
    public double BFactor { get; init; }

    /// <summary>Cartesian x in Å.</summary>
    public double X { get; init; }

    /// <summary>Cartesian y in Å.</summary>
    public double Y { get; init; }

    /// <summary>Cartesian z in Å.</summary>
    public double Z { get; init; }

    /// <summary>True for <c>HETATM</c> records (ligands, ions, waters).</summary>
    public bool IsHetero { get; init; }

    /// <summary>1-based line of the file the record starts on (0 for atoms built in code); used in messages.</summary>
    public int Line { get; init; }

    /// <summary>Hydrogen or deuterium.</summary>
    public bool IsHydrogen => Element is "H" or "D";

    /// <summary>Oxygen or hydrogen of a water molecule, recognised by its residue name (HOH, WAT, H2O, DOD, D2O).</summary>
    public bool IsWater => ResidueName is "HOH" or "WAT" or "H2O" or "DOD" or "D2O";
}
