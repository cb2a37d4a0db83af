using System.Text;
using LeopardEm.Io;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Io;

/// <summary>The CSV layout of pandas' <c>DataFrame.to_csv()</c> (index=True, na_rep="", QUOTE_MINIMAL, "\n"), written and read.</summary>
public class ParticleTableCsvTests
{
    [Fact]
    public void Layout_is_pandas_to_csv_with_an_unnamed_index_column()
    {
        var table = new ParticleTable(["particle_index", "mip", "pos_x_img_angstrom", "total_correlations", "even_zernikes", "micrograph_path"]);
        table.Add(new Dictionary<string, object?>
        {
            ["particle_index"] = 0,
            ["mip"] = 14.723892f,
            ["pos_x_img_angstrom"] = 627.0,
            ["total_correlations"] = 44496L,
            ["micrograph_path"] = "inputs/micrograph.mrc",
        });
        table.Add(new Dictionary<string, object?>
        {
            ["particle_index"] = 1,
            ["mip"] = -1e-5f,
            ["pos_x_img_angstrom"] = 1.5e20,
            ["total_correlations"] = 44496L,
            ["even_zernikes"] = "{\"Z44c\": 0.1, \"Z60\": -0.2}",
        });

        Assert.Equal(
            ",particle_index,mip,pos_x_img_angstrom,total_correlations,even_zernikes,micrograph_path\n" +
            "0,0,14.723892,627.0,44496,,inputs/micrograph.mrc\n" +
            "1,1,-1e-05,1.5e+20,44496,\"{\"\"Z44c\"\": 0.1, \"\"Z60\"\": -0.2}\",\n",
            ParticleTableCsv.Format(table));
    }

    [Fact]
    public void Missing_values_and_NaN_are_empty_cells()
    {
        var table = new ParticleTable(["a", "b", "c", "d"]);
        table.Add(new Dictionary<string, object?> { ["a"] = float.NaN, ["b"] = double.NaN, ["c"] = null });
        Assert.Equal(",a,b,c,d\n0,,,,\n", ParticleTableCsv.Format(table));
    }

    [Fact]
    public void Fields_with_separators_quotes_or_line_breaks_are_quoted()
    {
        var table = new ParticleTable(["name, with comma", "plain"]);
        table.Add(new Dictionary<string, object?> { ["name, with comma"] = "say \"hi\"", ["plain"] = "two\nlines" });
        table.Add(new Dictionary<string, object?> { ["name, with comma"] = true, ["plain"] = "no quotes needed" });
        Assert.Equal(
            ",\"name, with comma\",plain\n" +
            "0,\"say \"\"hi\"\"\",\"two\nlines\"\n" +
            "1,True,no quotes needed\n",
            ParticleTableCsv.Format(table));
    }

    [Fact]
    public void Unknown_columns_and_duplicate_names_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new ParticleTable(["a", "a"]));
        var table = new ParticleTable(["a"]);
        Assert.Throws<ArgumentException>(() => table.Add(new Dictionary<string, object?> { ["b"] = 1 }));
    }

    [Fact]
    public void Written_files_hold_the_text_in_utf8_without_a_byte_order_mark()
    {
        using var directory = new TempDirectory();
        var path = directory.File("particles.csv");
        var table = new ParticleTable(["path"]);
        table.Add(new Dictionary<string, object?> { ["path"] = "données/Å.mrc" });
        ParticleTableCsv.Write(path, table, overwrite: false);
        Assert.Equal(Encoding.UTF8.GetBytes(ParticleTableCsv.Format(table)), File.ReadAllBytes(path));
        Assert.Equal(["particles.csv"], directory.EntryNames());
    }

    [Fact]
    public void An_existing_file_is_left_untouched_unless_overwriting()
    {
        using var directory = new TempDirectory();
        var path = directory.File("particles.csv");
        File.WriteAllText(path, "old");
        var table = new ParticleTable(["a"]);
        table.Add(new Dictionary<string, object?> { ["a"] = 1 });

        Assert.Throws<IOException>(() => ParticleTableCsv.Write(path, table, overwrite: false));
        Assert.Equal("old", File.ReadAllText(path));
        ParticleTableCsv.Write(path, table, overwrite: true);
        Assert.Equal(",a\n0,1\n", File.ReadAllText(path));
        Assert.Equal(["particles.csv"], directory.EntryNames());
    }

    // Two rows as pandas writes them (leading unnamed index column), with a quoted JSON cell, empty cells, nan and inf.
    private const string PandasText =
        ",particle_index,mip,pos_x,phi,even_zernikes,mag_matrix,micrograph_path,flag\n" +
        "0,0,14.723892,354,0.0,\"{\"\"Z44c\"\": 0.1, \"\"Z60\"\": 0.3}\",,inputs/micrograph.mrc,True\n" +
        "1,1,nan,351,-inf,,\"[1.0, 0.0, 0.0, 1.0]\",\"a, b.mrc\",False\n";

    [Fact]
    public void Drops_the_pandas_index_column_and_types_the_cells()
    {
        var table = ParticleTableCsv.Parse(PandasText);

        Assert.Equal(["particle_index", "mip", "pos_x", "phi", "even_zernikes", "mag_matrix", "micrograph_path", "flag"], table.Columns);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(0, table[0, "particle_index"]);
        Assert.Equal(354, table[0, "pos_x"]);
        Assert.Equal(14.723892, table[0, "mip"]);
        Assert.True(double.IsNaN((double)table[1, "mip"]!));
        Assert.Equal(double.NegativeInfinity, table[1, "phi"]);
        Assert.Equal("{\"Z44c\": 0.1, \"Z60\": 0.3}", table[0, "even_zernikes"]);
        Assert.Null(table[1, "even_zernikes"]);
        Assert.Null(table[0, "mag_matrix"]);
        Assert.Equal("[1.0, 0.0, 0.0, 1.0]", table[1, "mag_matrix"]);
        Assert.Equal("a, b.mrc", table[1, "micrograph_path"]);
        Assert.Equal(true, table[0, "flag"]);
    }

    [Fact]
    public void Reads_tables_without_the_index_column_and_with_crlf_line_ends()
    {
        var withoutIndex = string.Join("\r\n", PandasText.Split('\n').Select(line => line.Length == 0 ? line : line[(line.IndexOf(',') + 1)..]));

        var table = ParticleTableCsv.Parse(withoutIndex);

        Assert.Equal(ParticleTableCsv.Parse(PandasText).Columns, table.Columns);
        Assert.Equal(351, table[1, "pos_x"]);
        Assert.Equal("a, b.mrc", table[1, "micrograph_path"]);
    }

    [Fact]
    public void Writing_what_was_read_reproduces_the_text_except_nan_which_pandas_writes_empty()
    {
        Assert.Equal(PandasText.Replace(",nan,", ",,", StringComparison.Ordinal), ParticleTableCsv.Format(ParticleTableCsv.Parse(PandasText)));
    }

    [Fact]
    public void A_column_mixing_integers_and_decimals_is_read_as_decimals()
    {
        var table = ParticleTableCsv.Parse(",a,b\n0,1,2\n1,1.5,3\n2,,4\n");

        Assert.Equal(1.0, table[0, "a"]);
        Assert.Equal(1.5, table[1, "a"]);
        Assert.Null(table[2, "a"]);
        Assert.Equal(2, table[0, "b"]);
    }

    [Fact]
    public void Reads_what_the_writer_wrote_to_a_file()
    {
        using var directory = new TempDirectory();
        var table = new ParticleTable(["mip", "pos_y", "psi", "template_path"]);
        table.Add(new Dictionary<string, object?> { ["mip"] = 12.5f, ["pos_y"] = 7, ["psi"] = 359.99, ["template_path"] = "t,1.mrc" });
        var path = directory.File("table.csv");

        ParticleTableCsv.Write(path, table, overwrite: false);
        var read = ParticleTableCsv.Read(path);

        Assert.Equal(table.Columns, read.Columns);
        Assert.Equal(12.5, read[0, "mip"]);
        Assert.Equal(7, read[0, "pos_y"]);
        Assert.Equal(359.99, read[0, "psi"]);
        Assert.Equal("t,1.mrc", read[0, "template_path"]);
    }

    [Theory]
    [InlineData(",a,b\n0,1\n", "line 2: expected 3 fields")]
    [InlineData(",a,a\n0,1,2\n", "column 'a' appears more than once")]
    [InlineData(",a\n0,\"open\n", "line 2: a quoted field is not closed")]
    [InlineData("", "the file is empty")]
    public void Malformed_tables_are_reported_with_their_line(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ParticleTableCsv.Parse(text, "t.csv"));
        Assert.Contains("t.csv", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [SharedDataFact("golden/leopard-em-1/leopard-em-output/results.csv")]
    public void Reads_leopard_ems_own_table()
    {
        var table = ParticleTableCsv.Read(SharedData.Find("golden/leopard-em-1/leopard-em-output/results.csv")!);

        Assert.Equal(9, table.Rows.Count);
        Assert.Equal("particle_index", table.Columns[0]);
        Assert.Equal(354, table[0, "pos_x"]);
        Assert.Equal(44496, table[0, "total_correlations"]);
        Assert.Equal(10.126942, table[0, "scaled_mip"]);
        Assert.Equal(627.0, table[0, "pos_x_img_angstrom"]);
        Assert.Null(table[0, "mag_matrix"]);
        Assert.Equal("inputs/micrograph.mrc", table[0, "micrograph_path"]);
    }
}
