using System.Globalization;
using LeopardEm.Io;

namespace LeopardEm.Tests.TestData;

/// <summary>Builds small atomic models in code and writes them as PDB or mmCIF text, so reader and simulator tests
/// need no files.</summary>
public static class AtomicModelTexts
{
    /// <summary>A tripeptide-sized cluster of C, N, O, S and one Mg ion with varied B-factors; about 8 Å across, centred
    /// near (10, −5, 3) Å.</summary>
    public static IReadOnlyList<AtomSite> SmallMolecule()
    {
        (string Element, string Name, string Residue, double X, double Y, double Z, double B)[] rows =
        [
            ("N", "N", "ALA", 7.512, -6.034, 1.987, 12.5),
            ("C", "CA", "ALA", 8.863, -5.520, 2.304, 10.0),
            ("C", "C", "ALA", 9.847, -6.659, 2.561, 11.2),
            ("O", "O", "ALA", 9.481, -7.832, 2.479, 14.9),
            ("C", "CB", "ALA", 8.813, -4.568, 3.493, 18.3),
            ("N", "N", "CYS", 11.104, -6.292, 2.861, 9.7),
            ("C", "CA", "CYS", 12.148, -7.262, 3.141, 10.4),
            ("S", "SG", "CYS", 13.221, -6.577, 4.466, 22.0),
            ("O", "OXT", "CYS", 12.916, -7.544, 1.911, 16.1),
            ("MG", "MG", "MG", 10.500, -3.250, 4.750, 30.0),
        ];
        return rows.Select((r, i) => new AtomSite
        {
            Element = r.Element,
            AtomName = r.Name,
            ResidueName = r.Residue,
            ChainId = "A",
            X = r.X,
            Y = r.Y,
            Z = r.Z,
            BFactor = r.B,
            IsHetero = r.Residue == "MG",
        }).ToArray();
    }

    /// <summary>PDB text: one ATOM/HETATM line per atom in standard columns (3 decimals), element in 77–78.</summary>
    public static string ToPdb(IEnumerable<AtomSite> atoms)
    {
        var text = new System.Text.StringBuilder("HEADER    TEST MODEL\n");
        var serial = 1;
        foreach (var a in atoms)
        {
            // Names of one-letter elements start in column 14, two-letter ones in column 13.
            var name = a.Element.Length == 1 && a.AtomName.Length < 4 ? " " + a.AtomName : a.AtomName;
            text.Append(CultureInfo.InvariantCulture, $"{(a.IsHetero ? "HETATM" : "ATOM  ")}{serial++,5} {name,-4}{(a.AltLoc.Length > 0 ? a.AltLoc : " ")}{a.ResidueName,3} {a.ChainId,1}{1,4}    ")
                .Append(CultureInfo.InvariantCulture, $"{a.X,8:F3}{a.Y,8:F3}{a.Z,8:F3}{a.Occupancy,6:F2}{a.BFactor,6:F2}          {a.Element,2}\n");
        }

        return text.Append("END\n").ToString();
    }

    /// <summary>mmCIF text: a data block with an <c>_atom_site</c> loop (quoted atom names, <c>?</c> and <c>.</c>
    /// markers as wwPDB writes them).</summary>
    public static string ToMmCif(IEnumerable<AtomSite> atoms)
    {
        var text = new System.Text.StringBuilder("data_TEST\n#\nloop_\n");
        foreach (var tag in new[]
                 {
                     "group_PDB", "id", "type_symbol", "label_atom_id", "label_alt_id", "label_comp_id", "label_asym_id",
                     "Cartn_x", "Cartn_y", "Cartn_z", "occupancy", "B_iso_or_equiv", "pdbx_formal_charge", "auth_asym_id",
                     "pdbx_PDB_model_num",
                 })
        {
            text.Append("_atom_site.").Append(tag).Append(" \n");
        }

        var serial = 1;
        foreach (var a in atoms)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{(a.IsHetero ? "HETATM" : "ATOM")} {serial++} {a.Element} \"{a.AtomName}\" {(a.AltLoc.Length > 0 ? a.AltLoc : ".")} {a.ResidueName} A ")
                .Append(CultureInfo.InvariantCulture, $"{a.X:F3} {a.Y:F3} {a.Z:F3} {a.Occupancy:F2} {a.BFactor:F2} ? {a.ChainId} 1\n");
        }

        return text.Append("#\n").ToString();
    }
}
