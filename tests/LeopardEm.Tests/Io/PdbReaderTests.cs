using LeopardEm.Io;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Io;

public class PdbReaderTests
{
    // Columns: record 1-6, name 13-16, altLoc 17, residue 18-20, chain 22, x 31-38, y 39-46, z 47-54, occupancy 55-60,
    // B 61-66, element 77-78.
    private const string TwoModels =
        "HEADER    TEST\n" +
        "MODEL        1\n" +
        "ATOM      1  N   ALA A   1      11.104   6.134  -6.504  1.00 12.50           N  \n" +
        "ATOM      2  CA AALA A   1      11.639   6.071  -5.147  0.60 10.00           C  \n" +
        "ATOM      3  CA BALA A   1      11.700   6.000  -5.100  0.40 11.00           C  \n" +
        "HETATM    4 CA    CA A 101       1.000   2.000   3.000  1.00 30.00          CA  \n" +
        "HETATM    5  O   HOH A 201       4.000   5.000   6.000                          \n" +
        "ENDMDL\n" +
        "MODEL        2\n" +
        "ATOM      1  N   ALA A   1      99.104   6.134  -6.504  1.00 12.50           N  \n" +
        "ENDMDL\n" +
        "END\n";

    [Fact]
    public void Reads_atom_and_hetatm_records_of_the_first_model_with_all_fields()
    {
        var model = PdbReader.Parse(TwoModels, "two.pdb");

        Assert.Equal(5, model.Atoms.Count);
        var n = model.Atoms[0];
        Assert.Equal(("N", "N", "ALA", "A", "", 1.0, 12.5), (n.Element, n.AtomName, n.ResidueName, n.ChainId, n.AltLoc, n.Occupancy, n.BFactor));
        Assert.Equal((11.104, 6.134, -6.504), (n.X, n.Y, n.Z));
        Assert.Equal(3, n.Line);
        Assert.False(n.IsHetero);
        Assert.Equal(("A", 0.6), (model.Atoms[1].AltLoc, model.Atoms[1].Occupancy));
        Assert.Equal(("B", 0.4), (model.Atoms[2].AltLoc, model.Atoms[2].Occupancy));
        Assert.Equal("CA", model.Atoms[3].Element);
        Assert.True(model.Atoms[3].IsHetero);
    }

    [Fact]
    public void A_second_model_without_endmdl_still_ends_the_first()
    {
        var text = "MODEL        1\nATOM      1  N   ALA A   1       1.000   2.000   3.000  1.00 10.00           N\n" +
                   "MODEL        2\nATOM      1  N   ALA A   1       9.000   9.000   9.000  1.00 10.00           N\n";

        Assert.Equal(1.0, Assert.Single(PdbReader.Parse(text).Atoms).X);
    }

    [Fact]
    public void Blank_occupancy_b_factor_and_element_fall_back_to_1_0_and_the_atom_name()
    {
        var water = PdbReader.Parse(TwoModels).Atoms[4];

        Assert.Equal(("O", 1.0, 0.0), (water.Element, water.Occupancy, water.BFactor));
        Assert.True(water.IsWater);
    }

    [Theory]
    [InlineData(" CA ", "C")] // alpha carbon: one-letter element, name starts in column 14
    [InlineData("CA  ", "CA")] // calcium: two-letter element starts in column 13
    [InlineData("FE  ", "FE")]
    [InlineData("1HB ", "H")] // digit in column 13
    [InlineData("HG21", "H")] // four-character hydrogen name
    [InlineData(" OXT", "O")]
    [InlineData("C10 ", "C")] // "C1" is no element
    public void Element_from_the_atom_name_follows_the_PDB_column_rule(string name, string element)
    {
        var line = $"ATOM      1 {name} LIG A   1       1.000   2.000   3.000  1.00 10.00";
        Assert.Equal(element, PdbReader.Parse(line).Atoms[0].Element);
    }

    [Fact]
    public void A_model_built_in_code_round_trips_through_pdb_text()
    {
        var atoms = AtomicModelTexts.SmallMolecule();

        var read = PdbReader.Parse(AtomicModelTexts.ToPdb(atoms)).Atoms;

        Assert.Equal(atoms.Select(a => (a.Element, a.AtomName, a.X, a.Y, a.Z, a.BFactor, a.IsHetero)),
            read.Select(a => (a.Element, a.AtomName, a.X, a.Y, a.Z, a.BFactor, a.IsHetero)));
    }

    [Fact]
    public void A_bad_coordinate_names_the_file_line_and_columns()
    {
        var text = "HEADER\nATOM      1  N   ALA A   1      11.104   6.134  -6.504  1.00 12.50           N\n" +
                   "ATOM      2  CA  ALA A   1      11.6x9   6.071  -5.147  1.00 10.00           C\n";

        var e = Assert.Throws<AtomicModelFormatException>(() => PdbReader.Parse(text, "bad.pdb"));

        Assert.Equal(3, e.Line);
        Assert.StartsWith("bad.pdb:3:", e.Message);
        Assert.Contains("x coordinate", e.Message);
        Assert.Contains("columns 31-38", e.Message);
        Assert.Contains("11.6x9", e.Message);
    }

    [Fact]
    public void A_truncated_record_and_an_unknown_element_are_line_numbered_errors()
    {
        var shortLine = Assert.Throws<AtomicModelFormatException>(() =>
            PdbReader.Parse("ATOM      1  N   ALA A   1      11.104   6.134", "short.pdb"));
        Assert.Equal(1, shortLine.Line);
        Assert.Contains("columns 31-54", shortLine.Message);

        var unknown = Assert.Throws<AtomicModelFormatException>(() =>
            PdbReader.Parse("REMARK\nATOM      1  N   ALA A   1      11.104   6.134  -6.504  1.00 12.50          QQ", "el.pdb"));
        Assert.Equal(2, unknown.Line);
        Assert.Contains("'QQ'", unknown.Message);
    }

    [Fact]
    public void A_file_without_atoms_is_an_error()
    {
        var e = Assert.Throws<AtomicModelFormatException>(() => PdbReader.Parse("HEADER\nEND\n", "empty.pdb"));
        Assert.Contains("no ATOM or HETATM", e.Message);
    }

    [SharedDataFact("models/pdb1ubi.pdb")]
    public void Ubiquitin_has_683_atom_sites_of_which_81_waters()
    {
        var model = AtomicModel.Read(SharedData.Find("models/pdb1ubi.pdb")!);

        Assert.Equal(683, model.Atoms.Count);
        Assert.Equal(81, model.Atoms.Count(a => a.IsWater));
        Assert.Equal(602, model.Without(removeHydrogens: true, removeWaters: true).Atoms.Count);
        Assert.Equal(("N", 27.343, 24.294, 2.683, 14.70), (model.Atoms[0].Element, model.Atoms[0].X, model.Atoms[0].Y, model.Atoms[0].Z, model.Atoms[0].BFactor));
    }

    [SharedDataFact("models/pdb1ejg.pdb")]
    public void Crambin_at_0_54_A_has_415_hydrogens_and_alternate_locations()
    {
        var model = AtomicModel.Read(SharedData.Find("models/pdb1ejg.pdb")!);

        Assert.Equal(831, model.Atoms.Count);
        Assert.Equal(415, model.Atoms.Count(a => a.IsHydrogen));
        Assert.Contains(model.Atoms, a => a.AltLoc.Length > 0 && a.Occupancy < 1);
    }
}
