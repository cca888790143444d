using System.Globalization;
using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>
/// Counts in prose: "3 requests" / "three requests" (two to ten), "10,000 requests" / "10000 requests".
/// Only a number standing alone before a lower-case word of three letters or more is a count;
/// never after "version", "port", "step" and the like, never next to a protected span (versions,
/// ids, addresses, code) and never at the start of a sentence ("Three" → "3" reads badly).
/// </summary>
internal sealed partial class NumberSiteFinder : ISiteFinder
{
    private static readonly string[] Words = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    private static readonly HashSet<string> NotCounts = new(
        ["version", "versions", "release", "releases", "port", "ports", "step", "phase", "section", "chapter", "page", "line",
         "level", "tier", "rule", "item", "type", "class", "stage", "option", "mode", "revision", "build", "patch", "update",
         "error", "code", "id", "number", "no", "a", "an", "pid", "uid", "gid", "cvss", "score", "severity", "table", "figure",
         "appendix", "and", "or", "to", "of", "between", "from"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> NotCountNouns = new(["and", "or", "the", "per", "percent", "bit", "bits", "byte", "bytes"], StringComparer.Ordinal);

    public IEnumerable<SiteCandidate> Find(string text, ProtectedText protect)
    {
        foreach (Match match in Count().Matches(text))
        {
            var value = match.Groups["n"].Value;
            if (protect.Touches(match.Index, match.Length)) continue;
            if (NotCounts.Contains(TextSpans.PreviousWord(text, match.Index)) || NotCountNouns.Contains(match.Groups["noun"].Value)) continue;
            var other = Other(value);
            if (other is null) continue;
            yield return SiteCandidate.FromOriginal(match.Index, value, other.Value.Text, "number", other.Value.OriginalIsVariant0);
        }
    }

    /// <summary>The other form, and whether the original's form is variant 0 (digits, or grouped thousands).</summary>
    private static (string Text, bool OriginalIsVariant0)? Other(string value)
    {
        var word = Array.IndexOf(Words, value);
        if (word >= 0) return ((word + 2).ToString(CultureInfo.InvariantCulture), false);
        if (value.Contains(',', StringComparison.Ordinal)) return (value.Replace(",", "", StringComparison.Ordinal), true);
        var n = long.Parse(value, CultureInfo.InvariantCulture);
        if (value.Length <= 2) return n is >= 2 and <= 10 && value[0] != '0' ? (Words[n - 2], true) : null;
        if (value.Length >= 5 && value[0] != '0') return (n.ToString("N0", CultureInfo.InvariantCulture), false);
        return null;
    }

    [GeneratedRegex(@"(?<![\w.,/:#$%+-]|[.!?]\s)(?<n>\d{1,2}|\d{1,3}(?:,\d{3})+|\d{5,}|two|three|four|five|six|seven|eight|nine|ten)(?= (?<noun>[a-z]{3,})\b)")]
    private static partial Regex Count();
}
