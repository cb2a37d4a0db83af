namespace LeopardEm.Settings;

/// <summary>
/// Thrown when settings are invalid. Carries every problem found, not just the first, so a user can fix a
/// configuration in one pass.
/// </summary>
public sealed class SettingsValidationException : Exception
{
    /// <summary>Creates the exception from at least one problem.</summary>
    public SettingsValidationException(IReadOnlyList<SettingsProblem> problems)
        : base(FormatMessage(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in the order they were detected.</summary>
    public IReadOnlyList<SettingsProblem> Problems { get; }

    /// <summary>Throws a <see cref="SettingsValidationException"/> listing <paramref name="problems"/>, if any.</summary>
    public static void ThrowIfAny(IReadOnlyList<SettingsProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new SettingsValidationException(problems);
        }
    }

    private static string FormatMessage(IReadOnlyList<SettingsProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count switch
        {
            0 => "Invalid settings.",
            1 => problems[0].Message,
            _ => $"{problems.Count} problems in the settings:" + Environment.NewLine +
                 string.Join(Environment.NewLine, problems.Select(p => "  - " + p.Message)),
        };
    }
}
