using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Plots;

/// <summary>A fact that writes into the checkout's docs: skipped (with the reason) unless
/// <c>LEOPARD_WRITE_DOCS_IMAGES=1</c> and the shared entry it draws from are there.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DocsImagesFactAttribute : FactAttribute
{
    /// <summary>The environment variable that enables the generator.</summary>
    public const string Variable = "LEOPARD_WRITE_DOCS_IMAGES";

    /// <summary>Requires the variable and <paramref name="sharedPath"/> inside shared/.</summary>
    public DocsImagesFactAttribute(string sharedPath)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"regenerates docs/images; set {Variable}=1 to run it.";
        }
        else if (SharedData.Find(sharedPath) is null)
        {
            Skip = $"shared/{sharedPath} is not available.";
        }
    }
}
