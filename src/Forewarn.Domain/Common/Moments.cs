using System.Globalization;

namespace Forewarn.Domain.Common;

/// <summary>How times and durations read in explanations: always UTC, to the minute.</summary>
public static class Moments
{
    public static string Show(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string ShowDate(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Show(TimeSpan span)
    {
        if (span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays))
            return span.TotalDays == 1 ? "1 day" : $"{span.TotalDays:0} days";
        if (span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours))
            return span.TotalHours == 1 ? "1 hour" : $"{span.TotalHours:0} hours";
        return $"{span.TotalMinutes:0} minutes";
    }

    public static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
    public static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
