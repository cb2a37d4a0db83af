using LeopardEm.Interop;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Interop;

public sealed class StarWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("12.5", "12.5")]
    [InlineData("", "\"\"")]
    [InlineData("a b", "\"a b\"")]
    [InlineData("_rlnX", "\"_rlnX\"")]
    [InlineData("#1", "\"#1\"")]
    [InlineData("data_x", "\"data_x\"")]
    [InlineData("Loop_", "\"Loop_\"")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData("it's", "it's")]
    [InlineData("it's here", "\"it's here\"")]
    public void Values_are_quoted_only_where_the_reader_would_misread_them(string value, string written)
    {
        Assert.Equal(written, StarWriter.Quote(value));
    }

    [Fact]
    public void Values_that_cannot_be_written_are_refused()
    {
        Assert.Throws<ArgumentException>(() => StarWriter.Quote("two\nlines"));
        Assert.Throws<ArgumentException>(() => StarWriter.Quote("both ' and \""));
    }

    [Fact]
    public void A_document_round_trips_through_text_and_file()
    {
        var document = new StarDocument();
        var block = new StarBlock("general");
        block.AddComment(" version 30001");
        block.AddPair("rlnImageSize", "64");
        block.AddPair("rlnComment", "two words");
        var table = new StarTable(["rlnMicrographName", "rlnCoordinateX"]);
        table.AddRow(["mic dir/a.mrc", StarWriter.Number(0.1)]);
        table.AddRow(["", StarWriter.Number(1e-300)]);
        table.AddRow(["say \"x\"", StarWriter.Number(-12345.678901234567)]);
        block.AddTable(table);
        document.AddBlock(block);
        document.AddBlock(new StarBlock("empty"));

        var path = _dir.File("doc.star");
        StarWriter.Write(path, document, overwrite: false);
        var read = StarReader.Read(path);

        Assert.Equal(["general", "empty"], read.Blocks.Select(b => b.Name));
        var general = read.Block("general");
        Assert.Equal([" version 30001"], general.Comments);
        Assert.Equal([("rlnImageSize", "64"), ("rlnComment", "two words")], general.Pairs.Select(p => (p.Key, p.Value)));
        var back = general.Table();
        Assert.Equal(table.Columns, back.Columns);
        for (var r = 0; r < table.RowCount; r++)
        {
            Assert.Equal(table.Row(r), back.Row(r));
        }

        Assert.Equal(-12345.678901234567, back.Number(2, "rlnCoordinateX"));
        Assert.Equal(StarWriter.Format(document), File.ReadAllText(path));
        Assert.Throws<IOException>(() => StarWriter.Write(path, document, overwrite: false));
    }

    [Fact]
    public void Tables_are_written_with_relion_column_numbers()
    {
        var document = new StarDocument();
        var block = new StarBlock("particles");
        var table = new StarTable(["rlnA", "rlnB"]);
        table.AddRow(["1", "22"]);
        table.AddRow(["333", "4"]);
        block.AddTable(table);
        document.AddBlock(block);

        var text = StarWriter.Format(document);

        Assert.Contains("data_particles\n\nloop_\n_rlnA #1\n_rlnB #2\n  1 22\n333  4\n", text);
    }
}
