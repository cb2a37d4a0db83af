using LeopardEm.Datasets;

namespace LeopardEm.Tests.Datasets;

/// <summary>Folder names of a run's micrographs: the file's stem, safe characters only, unique, never one the run
/// uses itself, and the same for the same list.</summary>
public sealed class MicrographNamesTests
{
    [Fact]
    public void Names_are_stems_of_safe_characters()
    {
        Assert.Equal(["m1", "FoilHole_123_Data_4", "a_b_c", "micrograph"],
            MicrographNames.Assign(["/data/m1.mrc", "Movies/FoilHole_123_Data_4.mrc", "x/a b'c.mrc", "/x/.mrc"]));
    }

    [Fact]
    public void Equal_stems_are_named_by_their_paths_and_every_name_is_unique()
    {
        string[] paths = ["grid1/Movies/m1.mrc", "grid2/Movies/m1.mrc", "m2.mrc", "other/m2.tif", "slurm.mrc", "particles.mrc"];

        var names = MicrographNames.Assign(paths);

        Assert.Equal(["grid1_Movies_m1", "grid2_Movies_m1", "m2", "other_m2", "slurm-2", "particles-2"], names);
        Assert.Equal(names, MicrographNames.Assign(paths));
    }

    [Fact]
    public void Names_that_clean_to_the_same_text_get_suffixes()
    {
        Assert.Equal(["a_b", "a_b-2"], MicrographNames.Assign(["a b.mrc", "a_b.mrc"]));
    }
}
