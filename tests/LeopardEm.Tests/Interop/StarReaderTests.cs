using LeopardEm.Interop;

namespace LeopardEm.Tests.Interop;

public class StarReaderTests
{
    // As RELION 3.1 writes it (relion_star_handler output), with a pairs block added.
    private const string RelionText =
        "\n# version 30001\n\ndata_optics\n\nloop_ \n_rlnOpticsGroupName #1 \n_rlnOpticsGroup #2 \n_rlnVoltage #3 \n" +
        "\"my group\"            1   300.000000 \n \n\n# version 30001\n\ndata_general\n\n_rlnImageSize   64\n" +
        "_rlnComment 'it is \"quoted\"'\n\ndata_particles\n\nloop_ \n_rlnMicrographName #1 \n_rlnCoordinateX #2 \n" +
        "\"mic dir/m1.mrc\"   100.000000 \n        \"\"   1.25e1 \n \n";

    [Fact]
    public void Reads_blocks_loops_pairs_quotes_and_comments_as_relion_writes_them()
    {
        var document = StarReader.Parse(RelionText, "r.star");

        Assert.Equal(["optics", "general", "particles"], document.Blocks.Select(b => b.Name));
        var optics = document.Block("optics").Table();
        Assert.Equal(["rlnOpticsGroupName", "rlnOpticsGroup", "rlnVoltage"], optics.Columns);
        Assert.Equal("my group", optics[0, "rlnOpticsGroupName"]);
        Assert.Equal(300, optics.Number(0, "rlnVoltage"));
        Assert.Equal(10, optics.LineOf(0));
        Assert.Equal(6, optics.HeaderLine);

        var general = document.Block("general");
        Assert.Empty(general.Tables);
        Assert.True(general.TryGetPair("rlnImageSize", out var size));
        Assert.Equal(("64", 17), (size.Value, size.Line));
        Assert.True(general.TryGetPair("rlnComment", out var comment));
        Assert.Equal("it is \"quoted\"", comment.Value);

        var particles = document.Block("particles").Table();
        Assert.Equal(2, particles.RowCount);
        Assert.Equal(["mic dir/m1.mrc", "100.000000"], particles.Row(0));
        Assert.Equal("", particles[1, "rlnMicrographName"]);
        Assert.Equal(12.5, particles.Number(1, "rlnCoordinateX"));

        // Comments before a data_ line belong to that block.
        Assert.Equal([" version 30001"], document.Block("optics").Comments);
        Assert.Equal([" version 30001"], general.Comments);
    }

    [Fact]
    public void An_empty_loop_is_an_empty_table_and_an_unnamed_block_is_allowed()
    {
        var document = StarReader.Parse("data_\nloop_\n_rlnCoordinateX #1\n_rlnCoordinateY #2\n\ndata_next\n_rlnA 1\n");

        var table = document.Block("").Table();
        Assert.Equal(0, table.RowCount);
        Assert.Equal(["rlnCoordinateX", "rlnCoordinateY"], table.Columns);
        Assert.True(document.Block("next").TryGetPair("rlnA", out _));
    }

    [Fact]
    public void Crlf_line_ends_read_like_lf()
    {
        var document = StarReader.Parse("data_a\r\nloop_\r\n_rlnX\r\n'a b'\r\n");
        Assert.Equal("a b", document.Block("a").Table()[0, "rlnX"]);
    }

    [Theory]
    [InlineData("data_a\nloop_\n_rlnX\n_rlnY\n1 2\n3\n", 6, "expected 2 values")]
    [InlineData("data_a\nloop_\n_rlnX\n\"open 2\n", 4, "is not closed")]
    [InlineData("_rlnX 1\n", 1, "expected a data_ block")]
    [InlineData("data_a\n_rlnX\n", 2, "has no value")]
    [InlineData("data_a\n_rlnX 1 2\n", 2, "expected '_name value'")]
    [InlineData("data_a\n1 2\n", 2, "expected data_, loop_")]
    [InlineData("data_a\nloop_\n1 2\n", 3, "no column names")]
    [InlineData("data_a\nloop_\n_rlnX\n_rlnX\n", 4, "appears twice")]
    [InlineData("data_a\n\ndata_a\n", 3, "appears again (first on line 1)")]
    [InlineData("data_a\n_rlnX 1\n_rlnX 2\n", 3, "appears again")]
    [InlineData("data_a\nloop_\n_rlnX\n;text\n", 4, "not supported")]
    [InlineData("data_a b\n", 1, "only the block name")]
    public void Malformed_text_is_reported_with_its_line(string text, int line, string message)
    {
        var e = Assert.Throws<StarFormatException>(() => StarReader.Parse(text, "bad.star"));

        Assert.Equal(line, e.Line);
        Assert.Equal("bad.star", e.FilePath);
        Assert.StartsWith($"bad.star:{line}: ", e.Message);
        Assert.Contains(message, e.Message);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Fact]
    public void Typed_getters_name_the_row_line_and_missing_columns_name_the_loop()
    {
        var table = StarReader.Parse("data_a\nloop_\n_rlnX\n_rlnN\n1.5 2\nabc 2.5\n", "t.star").Block("a").Table();

        Assert.Equal(2, table.Integer(0, "rlnN"));
        var number = Assert.Throws<StarFormatException>(() => table.Number(1, "rlnX"));
        Assert.Equal(6, number.Line);
        Assert.Contains("expected a number for _rlnX, got 'abc'", number.Message);
        Assert.Equal(6, Assert.Throws<StarFormatException>(() => table.Integer(1, "rlnN")).Line);

        var missing = Assert.Throws<StarFormatException>(() => table.RequireColumns("a test table", "rlnX", "rlnY", "rlnZ"));
        Assert.Equal(2, missing.Line);
        Assert.Contains("_rlnY, _rlnZ", missing.Message);
        Assert.Contains("data_b", Assert.Throws<StarFormatException>(() => StarReader.Parse("data_a\n_rlnX 1\n", "t.star").Block("b")).Message);
    }
}
