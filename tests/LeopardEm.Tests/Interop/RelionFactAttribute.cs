namespace LeopardEm.Tests.Interop;

/// <summary>
/// A fact that checks our files against RELION itself. Reported as skipped, with the reason, when
/// <c>relion_reconstruct</c> is not on PATH, except with the environment variable <c>CI=true</c>: there the test runs
/// and fails with a message saying how to install RELION, so a CI image without it cannot pass silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RelionFactAttribute : FactAttribute
{
    /// <summary>Skips the test locally when RELION is absent.</summary>
    public RelionFactAttribute()
    {
        if (!RelionPrograms.Installed && !RelionPrograms.Required)
        {
            Skip = $"RELION is not installed ({RelionPrograms.Marker} is not on PATH; Debian/Ubuntu: apt-get install relion). " +
                   "With CI=true these tests fail instead of skipping.";
        }
    }
}
