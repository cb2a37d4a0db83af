using LeopardEm.Io;

namespace LeopardEm.Tests.Io;

public class MtfCatalogTests
{
    [Fact]
    public void Resolves_paths_and_builtin_names_and_explains_what_is_missing()
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "mtf_k3_standard_300kV_FL2.star");
        File.WriteAllText(file, "");

        Assert.Equal(file, MtfCatalog.Resolve("mtf_k3_standard_300kV_FL2.star", folder.Path));
        Assert.Equal(file, MtfCatalog.Resolve("k3_300kV_FL2", "/", folder.Path));

        var notShipped = Assert.Throws<FileNotFoundException>(() => MtfCatalog.Resolve("k2_300kv", "/", folder.Path));
        Assert.Contains("mtf_k2_300kV.star", notShipped.Message);
        Assert.Contains(MtfCatalog.DirectoryVariable, notShipped.Message);

        var unknown = Assert.Throws<FileNotFoundException>(() => MtfCatalog.Resolve("k2_300kV", folder.Path, folder.Path));
        Assert.Contains("is neither a file", unknown.Message);
        Assert.Contains("nor a built-in name (de20_300kv, ", unknown.Message);
    }
}
