using LeopardEm.Particles;
using LeopardEm.Peaks;

namespace LeopardEm.Tests.Particles;

public class PickedParticleColumnsTests
{
    [Theory]
    [InlineData(PickingMetric.ZScore, "z_score")]
    [InlineData(PickingMetric.PValue, "neg_log_p")]
    [InlineData(PickingMetric.Gev, "gev_z_score")]
    public void Leopard_ems_columns_come_first_then_the_value_and_the_cutoff(PickingMetric metric, string valueColumn)
    {
        var columns = PickedParticleColumns.For(metric).Select(c => c.Name).ToList();

        Assert.Equal([.. ParticleColumns.MatchTemplate, valueColumn, PickedParticleColumns.CutoffColumn], columns);
        Assert.Equal(metric, PickedParticleColumns.MetricOf(columns));
    }

    [Fact]
    public void A_plain_leopard_em_table_records_no_metric() =>
        Assert.Null(PickedParticleColumns.MetricOf(ParticleColumns.MatchTemplate));
}
