using System.Globalization;

namespace Forewarn.Stix;

/// <summary>STIX timestamps: UTC, <c>Z</c>, millisecond precision as the spec asks of created and modified.</summary>
internal static class StixTime
{
    public static string Format(DateTimeOffset at) =>
        Truncate(at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static bool TryParse(string? text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out at)
        && text!.EndsWith('Z') && text.Contains('T');
}
