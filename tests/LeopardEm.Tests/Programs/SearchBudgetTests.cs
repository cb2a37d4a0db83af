using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Tests.Settings;

namespace LeopardEm.Tests.Programs;

/// <summary>What a search would cost is judged from the settings and sizes before anything large is allocated.</summary>
public class SearchBudgetTests
{
    [Fact]
    public void A_grid_beyond_the_int32_index_is_refused_with_its_count()
    {
        var settings = SampleSettings.Create() with { OrientationSearchConfig = new OrientationSearchConfig { PsiStep = 0.05, ThetaStep = 0.05 } };
        var problem = Assert.Single(SearchBudget.CheckMatchTemplate(settings, 512, 512, 64, 2, long.MaxValue));
        Assert.Equal("orientation_search_config", problem.KeyPath);
        Assert.Contains("a search holds at most 2,147,483,647", problem.Message);
    }

    [Fact]
    public void A_search_or_box_beyond_the_memory_is_refused_with_the_memory_it_needs()
    {
        var search = Assert.Single(SearchBudget.CheckMatchTemplate(SampleSettings.Create(), 4096, 4096, 512, 2, availableBytes: 1L << 30));
        Assert.Contains("would need about", search.Message);
        Assert.Contains("but 1.1 GB is available", search.Message);
        var refine = Assert.Single(SearchBudget.CheckRefine(100_000, 100_000, 64, 2, availableBytes: 8L << 30));
        Assert.Equal("particle_stack.extracted_box_size", refine.KeyPath);
        Assert.Contains("2 workers on 100000 x 100000 px boxes would need about 320.0 GB", refine.Message);
    }

    [Fact]
    public void An_ordinary_search_fits()
    {
        Assert.Empty(SearchBudget.CheckMatchTemplate(SampleSettings.Create(), 4096, 4096, 512, 2, availableBytes: 16L << 30));
        Assert.Empty(SearchBudget.CheckRefine(512, 512, 384, 16, availableBytes: 16L << 30));
    }
}
