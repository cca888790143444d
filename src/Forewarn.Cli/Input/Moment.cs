using System.Globalization;

namespace Forewarn.Cli.Input;

/// <summary>
/// Times typed on the command line: ISO 8601 only (no culture-dependent "07/08/2025"), UTC unless
/// an offset is given; a bare date means midnight UTC.
/// </summary>
public static class Moment
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public const string Hint = "use ISO 8601, e.g. 2025-07-08T17:00:00Z or 2025-07-08 (midnight UTC)";

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        // "2025-07-08 17:00" is how people write it; ISO wants the T.
        if (t.Length > 10 && t[10] == ' ') t = string.Concat(t.AsSpan(0, 10), "T", t.AsSpan(11).TrimStart());
        if (!DateTimeOffset.TryParseExact(t, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return false;
        value = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>The wire form: ISO 8601 UTC with a Z.</summary>
    public static string ToWire(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
