using System.Globalization;

namespace Forewarn.Csaf.Mapping;

/// <summary>CSAF date-times: written in UTC with milliseconds, read in any RFC 3339 form.</summary>
internal static class CsafDates
{
    public static string Write(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Read(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
}
