using System.Text;
using LeopardEm.Io;

namespace LeopardEm.Tests.Io;

/// <summary>The CSV layout of pandas' <c>DataFrame.to_csv()</c> (index=True, na_rep="", QUOTE_MINIMAL, "\n").</summary>
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
}
