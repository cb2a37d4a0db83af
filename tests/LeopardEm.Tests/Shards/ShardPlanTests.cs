using LeopardEm.Shards;

namespace LeopardEm.Tests.Shards;

/// <summary>The cost model of split searches: the slowest task, the total, and the fewest shards that fit a time limit.</summary>
public sealed class ShardPlanTests
{
    private static readonly ShardPlan Plan = new(Correlations: 1000, SecondsPerCorrelation: 0.5, SetupSeconds: 20);

    [Fact]
    public void The_slowest_task_has_the_rounded_up_share()
    {
        Assert.Equal(20 + 1000 * 0.5, Plan.TaskSeconds(1));
        Assert.Equal(20 + 334 * 0.5, Plan.TaskSeconds(3));
        Assert.Equal(3 * 20 + 1000 * 0.5, Plan.TotalTaskSeconds(3));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(5)]
    [InlineData(1)]
    public void The_chosen_shards_are_the_fewest_whose_tasks_fit_the_margin_of_the_limit(int minutes)
    {
        var limit = TimeSpan.FromMinutes(minutes);

        var shards = Plan.ShardsToFit(limit);

        Assert.True(Plan.TaskSeconds(shards) <= ShardPlan.Margin * limit.TotalSeconds);
        Assert.True(shards == 1 || Plan.TaskSeconds(shards - 1) > ShardPlan.Margin * limit.TotalSeconds);
    }

    [Fact]
    public void A_limit_shorter_than_the_set_up_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Plan.ShardsToFit(TimeSpan.FromSeconds(20)));
        Assert.Contains("cannot hold a task", error.Message);
    }
}
