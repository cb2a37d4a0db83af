using System.Globalization;

namespace LeopardEm.Io;

/// <summary>
/// Reads the atoms of a PDB-format file: <c>ATOM</c> and <c>HETATM</c> records in fixed columns (PDB format 3.3),
/// first model only (reading stops at the first <c>ENDMDL</c> or second <c>MODEL</c>). Blank occupancy reads as 1 and blank B as 0; a blank
/// element column (77–78) falls back to the atom name's layout (<see cref="ElementSymbols.FromPdbAtomName"/>).
/// Other records are ignored.
/// </summary>
public static class PdbReader
{
    /// <summary>Reads a PDB file.</summary>
    /// <exception cref="AtomicModelFormatException">A record is malformed, or the file holds no atoms.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AtomicModel Read(string path) => Parse(InputFile.ReadText(path, "the PDB file"), path);

    /// <summary>Parses PDB text.</summary>
    /// <param name="text">The file contents.</param>
    /// <param name="sourceName">Name used in messages, normally the file path.</param>
    /// <exception cref="AtomicModelFormatException">A record is malformed, or the text holds no atoms.</exception>
    public static AtomicModel Parse(string text, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var atoms = new List<AtomSite>();
        using var reader = new StringReader(text);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            // The first model ends at its ENDMDL, or at the next MODEL in files that omit ENDMDL.
            if (atoms.Count > 0 && (line.StartsWith("ENDMDL", StringComparison.Ordinal) || line.StartsWith("MODEL ", StringComparison.Ordinal)))
            {
                break;
            }

            var isAtom = line.StartsWith("ATOM  ", StringComparison.Ordinal);
            var isHetero = line.StartsWith("HETATM", StringComparison.Ordinal);
            if (isAtom || isHetero)
            {
                atoms.Add(ParseAtom(line, lineNumber, isHetero, sourceName));
            }
        }

        if (atoms.Count == 0)
        {
            throw new AtomicModelFormatException(sourceName, 0, "no ATOM or HETATM records found (is this a PDB file?)");
        }

        return new AtomicModel(atoms, sourceName);
    }

    private static AtomSite ParseAtom(string line, int lineNumber, bool isHetero, string sourceName)
    {
        if (line.Length < 54)
        {
            throw new AtomicModelFormatException(sourceName, lineNumber,
                $"{line[..Math.Min(6, line.Length)].Trim()} record is {line.Length} characters long; expected x, y, z " +
                "coordinates in columns 31-54");
        }

        var name = Columns(line, 13, 16);
        var residue = Columns(line, 18, 20).Trim();
        var elementField = Columns(line, 77, 78);
        var element = elementField.Trim().Length > 0
            ? ElementSymbols.Normalize(elementField) ?? throw new AtomicModelFormatException(sourceName, lineNumber,
                $"element '{elementField.Trim()}' in columns 77-78 is not a chemical element symbol")
            : ElementSymbols.FromPdbAtomName(name) ?? throw new AtomicModelFormatException(sourceName, lineNumber,
                $"the element column (77-78) is blank and atom name '{name.Trim()}' (columns 13-16) implies no element");
        return new AtomSite
        {
            Element = element,
            AtomName = name.Trim(),
            ResidueName = residue,
            ChainId = Columns(line, 22, 22).Trim(),
            AltLoc = Columns(line, 17, 17).Trim(),
            X = Number(line, 31, 38, "x coordinate", null, lineNumber, sourceName),
            Y = Number(line, 39, 46, "y coordinate", null, lineNumber, sourceName),
            Z = Number(line, 47, 54, "z coordinate", null, lineNumber, sourceName),
            Occupancy = Number(line, 55, 60, "occupancy", 1.0, lineNumber, sourceName),
            BFactor = Number(line, 61, 66, "B-factor", 0.0, lineNumber, sourceName),
            IsHetero = isHetero,
            Line = lineNumber,
        };
    }

    /// <summary>Columns <paramref name="first"/>..<paramref name="last"/> (1-based, inclusive) of the line; the part
    /// beyond the end of the line is empty.</summary>
    private static string Columns(string line, int first, int last) =>
        first > line.Length ? "" : line[(first - 1)..Math.Min(last, line.Length)];

    private static double Number(
        string line, int first, int last, string what, double? blank, int lineNumber, string sourceName)
    {
        var field = Columns(line, first, last).Trim();
        if (field.Length == 0 && blank is { } fallback)
        {
            return fallback;
        }

        if (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) &&
            double.IsFinite(value))
        {
            return value;
        }

        throw new AtomicModelFormatException(sourceName, lineNumber,
            $"expected the {what} as a number in columns {first}-{last}, got '{field}'");
    }
}
