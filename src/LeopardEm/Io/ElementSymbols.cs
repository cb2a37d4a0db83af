namespace LeopardEm.Io;

/// <summary>
/// Chemical element symbols (upper case, plus "D" for deuterium) and the rules that infer an element from an atom
/// name when a model file leaves the element out.
/// </summary>
internal static class ElementSymbols
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "H", "D", "HE", "LI", "BE", "B", "C", "N", "O", "F", "NE", "NA", "MG", "AL", "SI", "P", "S", "CL", "AR", "K",
        "CA", "SC", "TI", "V", "CR", "MN", "FE", "CO", "NI", "CU", "ZN", "GA", "GE", "AS", "SE", "BR", "KR", "RB", "SR",
        "Y", "ZR", "NB", "MO", "TC", "RU", "RH", "PD", "AG", "CD", "IN", "SN", "SB", "TE", "I", "XE", "CS", "BA", "LA",
        "CE", "PR", "ND", "PM", "SM", "EU", "GD", "TB", "DY", "HO", "ER", "TM", "YB", "LU", "HF", "TA", "W", "RE", "OS",
        "IR", "PT", "AU", "HG", "TL", "PB", "BI", "PO", "AT", "RN", "FR", "RA", "AC", "TH", "PA", "U", "NP", "PU", "AM",
        "CM", "BK", "CF", "ES", "FM", "MD", "NO", "LR", "RF", "DB", "SG", "BH", "HS", "MT", "DS", "RG", "CN", "NH", "FL",
        "MC", "LV", "TS", "OG",
    };

    /// <summary>Whether <paramref name="symbol"/> (upper case) is a chemical element or "D".</summary>
    public static bool IsKnown(string symbol) => Known.Contains(symbol);

    /// <summary>
    /// The upper-case element of an element field such as "Fe", " C", "O1-" or "Zn2+" (charges and digits dropped), or
    /// null when the field is blank or names no element.
    /// </summary>
    public static string? Normalize(string field)
    {
        var letters = new string(field.Where(char.IsAsciiLetter).ToArray()).ToUpperInvariant();
        return letters.Length > 0 && Known.Contains(letters) ? letters : null;
    }

    /// <summary>
    /// The element implied by a PDB atom-name field (columns 13–16, unpadded as read), following the PDB layout rule:
    /// a one-letter element's name starts in column 14 (column 13 is blank or a digit, e.g. " CA " is an alpha carbon,
    /// "1HB " a hydrogen), a two-letter element's name starts in column 13 ("CA  " is calcium, "FE  " iron). A
    /// four-character name starting in column 13 ("HG21") is a hydrogen-style name and takes its first letter. Null when
    /// nothing matches.
    /// </summary>
    public static string? FromPdbAtomName(string nameField)
    {
        var name = nameField.PadRight(4).ToUpperInvariant();
        if (name[0] == ' ' || char.IsAsciiDigit(name[0]))
        {
            return FirstLetterElement(name[1..]);
        }

        var twoLetters = name[..2];
        if (name[3] == ' ' && Known.Contains(twoLetters))
        {
            return twoLetters;
        }

        return FirstLetterElement(name);
    }

    /// <summary>
    /// The element implied by an mmCIF atom name without column layout: a name that equals its residue name and is an
    /// element symbol is that element (ions such as "MG" in "MG", "ZN" in "ZN"); otherwise the first letter ("CA" in
    /// "ALA" is carbon). Null when nothing matches.
    /// </summary>
    public static string? FromAtomName(string atomName, string residueName)
    {
        var name = atomName.Trim().ToUpperInvariant();
        if (name == residueName.Trim().ToUpperInvariant() && Known.Contains(name))
        {
            return name;
        }

        return FirstLetterElement(name);
    }

    private static string? FirstLetterElement(string text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                var symbol = char.ToUpperInvariant(c).ToString();
                return Known.Contains(symbol) ? symbol : null;
            }

            if (!char.IsAsciiDigit(c) && c != ' ')
            {
                return null;
            }
        }

        return null;
    }
}
