using LeopardEm.Datasets;
using LeopardEm.Io;

namespace LeopardEm.Tests.Datasets;

/// <summary>The combined table: a micrograph column first, the micrographs' rows in run order with their own values, a
/// column one table lacks left empty in its rows.</summary>
public sealed class CombinedParticleTableTests
{
    [Fact]
    public void Rows_keep_their_values_under_their_micrograph()
    {
        var a = new ParticleTable(["x", "z"]);
        a.AddRow([1, 0.5]);
        a.AddRow([2, 1.5]);
        var b = new ParticleTable(["x", "extra", "z"]);
        b.AddRow([3, "e", 2.5]);

        var combined = CombinedParticleTable.Combine([("a", a), ("empty", new ParticleTable(["x", "z"])), ("b", b)]);

        Assert.Equal(["micrograph", "x", "z", "extra"], combined.Columns);
        Assert.Equal(new object?[][] { ["a", 1, 0.5, null], ["a", 2, 1.5, null], ["b", 3, 2.5, "e"] }, combined.Rows);
    }

    [Fact]
    public void A_table_with_a_micrograph_column_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CombinedParticleTable.Combine([("a", new ParticleTable(["micrograph"]))]));
    }
}
