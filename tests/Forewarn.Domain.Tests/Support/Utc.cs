using System.Globalization;

namespace Forewarn.Domain.Tests.Support;

/// <summary>Readable UTC instants for tests: <c>Utc.At("2025-07-08T17:00Z")</c>.</summary>
internal static class Utc
{
    public static DateTimeOffset At(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
