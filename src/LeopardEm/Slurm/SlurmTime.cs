using System.Globalization;

namespace LeopardEm.Slurm;

/// <summary>SLURM's time-limit syntax (<c>sbatch --time</c>): <c>minutes</c>, <c>minutes:seconds</c>,
/// <c>hours:minutes:seconds</c>, <c>days-hours</c>, <c>days-hours:minutes</c> or <c>days-hours:minutes:seconds</c>.</summary>
public static class SlurmTime
{
    /// <summary>Parses a time limit.</summary>
    /// <exception cref="FormatException">Not one of the forms, or zero.</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text.Trim(), out var time) && time > TimeSpan.Zero)
        {
            return time;
        }

        throw new FormatException(
            $"'{text}' is not a SLURM time limit: minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes " +
            "or days-hours:minutes:seconds (e.g. 90, 1:30:00, 2-00).");
    }

    private static bool TryParse(string text, out TimeSpan time)
    {
        time = default;
        var days = 0;
        var clock = text;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            if (!Whole(text[..dash], out days))
            {
                return false;
            }

            clock = text[(dash + 1)..];
        }

        var parts = clock.Split(':');
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!Whole(parts[i], out numbers[i]))
            {
                return false;
            }
        }

        (int Hours, int Minutes, int Seconds)? fields = (dash >= 0, numbers.Length) switch
        {
            (false, 1) => (0, numbers[0], 0),
            (false, 2) => (0, numbers[0], numbers[1]),
            (_, 3) => (numbers[0], numbers[1], numbers[2]),
            (true, 1) => (numbers[0], 0, 0),
            (true, 2) => (numbers[0], numbers[1], 0),
            _ => null,
        };
        if (fields is not { } f)
        {
            return false;
        }

        time = new TimeSpan(days, 0, 0, 0) + TimeSpan.FromHours(f.Hours) + TimeSpan.FromMinutes(f.Minutes) + TimeSpan.FromSeconds(f.Seconds);
        return true;
    }

    private static bool Whole(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
