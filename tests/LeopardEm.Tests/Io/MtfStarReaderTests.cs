using LeopardEm.Io;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Io;

public class MtfStarReaderTests
{
    [Fact]
    public void Reads_the_mtf_loop_in_any_column_order_with_relion_column_numbers()
    {
        const string text = "\ndata_mtf\n\nloop_\n_rlnMtfValue #1\t\n_rlnResolutionInversePixel #2\n1.0 0.0\n0.9 0.25\n0.5 0.5\n\n";

        var mtf = MtfStarReader.Parse(text, "m.star");

        Assert.Equal([0.0, 0.25, 0.5], mtf.Frequencies);
        Assert.Equal([1.0, 0.9, 0.5], mtf.Values);
    }

    [Fact]
    public void Malformed_rows_name_the_file_and_line()
    {
        var e = Assert.Throws<FormatException>(() =>
            MtfStarReader.Parse("data_\nloop_\n_rlnResolutionInversePixel\n_rlnMtfValue\n0.0 1.0\n0.1 high\n", "m.star"));
        Assert.StartsWith("m.star:6:", e.Message);

        Assert.Contains("no loop_", Assert.Throws<FormatException>(() => MtfStarReader.Parse("data_\n", "x.star")).Message);
    }

    [SharedDataFact("mtf/mtf_k2_300kV.star")]
    public void Every_shared_relion_mtf_table_reads()
    {
        var folder = Path.GetDirectoryName(SharedData.Find("mtf/mtf_k2_300kV.star"))!;
        foreach (var file in MtfCatalog.BuiltInFiles.Values)
        {
            var mtf = MtfStarReader.Read(Path.Combine(folder, file));
            Assert.InRange(mtf.Frequencies.Count, 33, 1001);
            Assert.InRange(mtf.Evaluate(0), 0.95, 1.001);
        }
    }
}
