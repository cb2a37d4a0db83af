namespace LeopardEm.Tests.TestData;

/// <summary>A fact that measures a run quoted in the docs (minutes of work, a real model): skipped, with the reason,
/// unless <c>LEOPARD_MEASURE=1</c> and the shared entry it uses are there. It checks results, never times.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MeasurementFactAttribute : FactAttribute
{
    /// <summary>The environment variable that enables measurements.</summary>
    public const string Variable = "LEOPARD_MEASURE";

    /// <summary>Requires the variable and <paramref name="sharedPath"/> inside shared/.</summary>
    public MeasurementFactAttribute(string sharedPath)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"{OnRequest.Prefix} a measurement for the docs; set {Variable}=1 to run it.";
        }
        else if (SharedData.Find(sharedPath) is null)
        {
            Skip = Requirement.SkipReason($"shared/{sharedPath} is not available.");
        }
    }
}
