using System.Globalization;
using System.Text.RegularExpressions;

namespace Forewarn.Csaf.Validation.MandatoryTests.Support;

/// <summary>Reads RFC 3339 date-times with any number of fractional digits (beyond 100 ns they are cut).</summary>
internal static partial class Timestamp
{
    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    public static DateTimeOffset? Parse(string? text)
    {
        if (text is null) return null;
        var m = Rfc3339().Match(text);
        if (!m.Success) return null;
        var fraction = m.Groups[2].Success ? m.Groups[2].Value : "0";
        fraction = fraction.Length > 7 ? fraction[..7] : fraction.PadRight(7, '0');
        var zone = m.Groups[3].Value is "Z" or "z" ? "+00:00" : m.Groups[3].Value;
        return DateTimeOffset.TryParseExact($"{m.Groups[1].Value.ToUpperInvariant()}.{fraction}{zone}", "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
    }
}
