using LeopardEm.Io;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Io;

public class MmCifReaderTests
{
    private const string Header =
        "data_TEST\n" +
        "#\n" +
        "_entry.id TEST\n" +
        "loop_\n" +
        "_atom_site.group_PDB\n" +
        "_atom_site.type_symbol\n" +
        "_atom_site.label_atom_id\n" +
        "_atom_site.label_alt_id\n" +
        "_atom_site.label_comp_id\n" +
        "_atom_site.Cartn_x\n" +
        "_atom_site.Cartn_y\n" +
        "_atom_site.Cartn_z\n" +
        "_atom_site.occupancy\n" +
        "_atom_site.B_iso_or_equiv\n" +
        "_atom_site.auth_asym_id\n" +
        "_atom_site.pdbx_PDB_model_num\n";

    [Fact]
    public void Reads_quoted_values_unknown_markers_text_fields_and_the_first_model_only()
    {
        var text = Header +
                   "ATOM   O \"O5'\" . C   1.0 2.0 3.0 1.000 61.05 L50 1\n" +
                   "ATOM   C 'C 1' A C   4.0 5.0 6.0 0.50  ?     L50 1\n" +
                   "HETATM ? MG    . MG  7.0 8.0 9.0 ?     20.0  'A B' 1\n" +
                   "ATOM   N N . GLY\n  10.0 11.0 12.0 1 5 # a row may span lines\n;L5\n;\n 1\n" +
                   "ATOM   N N . GLY 99.0 99.0 99.0 1.000 5.0 L50 2\n" +
                   "#\nloop_\n_other.x\n1\n";

        var atoms = MmCifReader.Parse(text, "t.cif").Atoms;

        Assert.Equal(4, atoms.Count);
        Assert.Equal(("O", "O5'", "", 1.0, 61.05, "L50"), (atoms[0].Element, atoms[0].AtomName, atoms[0].AltLoc, atoms[0].Occupancy, atoms[0].BFactor, atoms[0].ChainId));
        Assert.Equal(("C 1", "A", 0.5, 0.0), (atoms[1].AtomName, atoms[1].AltLoc, atoms[1].Occupancy, atoms[1].BFactor));
        Assert.Equal(("MG", 1.0, "A B", true), (atoms[2].Element, atoms[2].Occupancy, atoms[2].ChainId, atoms[2].IsHetero));
        Assert.Equal((10.0, 11.0, 12.0, "L5", 20), (atoms[3].X, atoms[3].Y, atoms[3].Z, atoms[3].ChainId, atoms[3].Line));
    }

    [Fact]
    public void The_same_model_reads_identically_from_mmcif_and_pdb()
    {
        var atoms = AtomicModelTexts.SmallMolecule();

        var cif = MmCifReader.Parse(AtomicModelTexts.ToMmCif(atoms)).Atoms;
        var pdb = PdbReader.Parse(AtomicModelTexts.ToPdb(atoms)).Atoms;

        Assert.Equal(pdb.Select(a => (a.Element, a.AtomName, a.X, a.Y, a.Z, a.Occupancy, a.BFactor, a.IsHetero)),
            cif.Select(a => (a.Element, a.AtomName, a.X, a.Y, a.Z, a.Occupancy, a.BFactor, a.IsHetero)));
    }

    [Fact]
    public void A_non_numeric_coordinate_names_the_line_and_column()
    {
        var text = Header + "ATOM O O . C 1.0 2.0 3.0 1 1 A 1\nATOM O O . C 1.0 abc 3.0 1 1 A 1\n";

        var e = Assert.Throws<AtomicModelFormatException>(() => MmCifReader.Parse(text, "bad.cif"));

        Assert.Equal(18, e.Line);
        Assert.StartsWith("bad.cif:18:", e.Message);
        Assert.Contains("_atom_site.Cartn_y", e.Message);
        Assert.Contains("'abc'", e.Message);
    }

    [Fact]
    public void A_missing_value_is_reported_where_the_columns_go_wrong()
    {
        // The row on line 18 lacks its alt id, so "ATOM" of line 19 lands in its model column.
        var shifted = Header + "ATOM O O . C 1.0 2.0 3.0 1 1 A 1\nATOM O O C 1.0 2.0 3.0 1 1 A 1\nATOM O O . C 1 2 3 1 1 A 1\n";
        var e = Assert.Throws<AtomicModelFormatException>(() => MmCifReader.Parse(shifted, "shift.cif"));
        Assert.Equal(18, e.Line);
        Assert.Contains("on line 19", e.Message);
        Assert.Contains("a value missing or extra", e.Message);

        var truncated = Header + "ATOM O O . C 1.0 2.0 3.0 1 1 A 1\nATOM O O . C 1.0 2.0\n";
        var last = Assert.Throws<AtomicModelFormatException>(() => MmCifReader.Parse(truncated, "cut.cif"));
        Assert.Equal(18, last.Line);
        Assert.Contains("7 of its 12 values", last.Message);
    }

    [Fact]
    public void Structural_problems_name_what_is_missing()
    {
        var noLoop = Assert.Throws<AtomicModelFormatException>(() => MmCifReader.Parse("data_X\n_cell.length_a 10\n", "x.cif"));
        Assert.Contains("no _atom_site loop", noLoop.Message);

        var noX = Assert.Throws<AtomicModelFormatException>(() =>
            MmCifReader.Parse("data_X\nloop_\n_atom_site.type_symbol\n_atom_site.Cartn_y\n_atom_site.Cartn_z\nC 1 2\n", "x.cif"));
        Assert.Equal(2, noX.Line);
        Assert.Contains("_atom_site.Cartn_x", noX.Message);

        var open = Assert.Throws<AtomicModelFormatException>(() =>
            MmCifReader.Parse("data_X\nloop_\n_atom_site.Cartn_x\n_atom_site.Cartn_y\n_atom_site.Cartn_z\n'1 2 3\n", "x.cif"));
        Assert.Equal(6, open.Line);
        Assert.Contains("not closed", open.Message);
    }

    [SharedDataFact("models/1aki.cif")]
    public void Lysozyme_has_1079_atom_sites_of_which_78_waters()
    {
        var model = AtomicModel.Read(SharedData.Find("models/1aki.cif")!);

        Assert.Equal(1079, model.Atoms.Count);
        Assert.Equal(78, model.Atoms.Count(a => a.IsWater));
        Assert.Equal(1001, model.Without(removeHydrogens: true, removeWaters: true).Atoms.Count);
    }

    [SharedDataFact("models/3wip.cif")]
    public void A_decamer_with_alternate_locations_keeps_every_atom_site()
    {
        var model = AtomicModel.Read(SharedData.Find("models/3wip.cif")!);

        Assert.Equal(17146, model.Atoms.Count);
        Assert.Contains(model.Atoms, a => a.AltLoc == "B");
        Assert.Equal(10, model.Atoms.Where(a => !a.IsWater && !a.IsHetero).Select(a => a.ChainId).Distinct().Count());
    }
}
