using System.Globalization;
using System.Text.RegularExpressions;

namespace Forewarn.Csaf.Validation.MandatoryTests.Support;

/// <summary>
/// A CSAF version (<c>version_t</c>): integer versioning (<c>0</c>, <c>1</c>, <c>2</c> …) or semantic
/// versioning 2.0.0 (<c>1.2.3-rc.1+build</c>). Ordered by semantic versioning's precedence (build metadata
/// ignored); an integer version N orders like N.0.0.
/// </summary>
internal sealed partial record DocumentVersion(string Text, bool IsInteger, long Major, long Minor, long Patch, string? PreRelease, string? Build)
    : IComparable<DocumentVersion>
{
    [GeneratedRegex(@"^(0|[1-9][0-9]*)$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")]
    private static partial Regex Semantic();

    /// <summary>Reads a version; null when the text is neither integer nor semantic versioning.</summary>
    public static DocumentVersion? Parse(string? text)
    {
        if (text is null) return null;
        if (Integer().IsMatch(text))
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? new DocumentVersion(text, true, n, 0, 0, null, null) : null;
        var m = Semantic().Match(text);
        if (!m.Success) return null;
        return long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && long.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && long.TryParse(m.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var patch)
            ? new DocumentVersion(text, false, major, minor, patch,
                m.Groups[4].Success ? m.Groups[4].Value : null, m.Groups[5].Success ? m.Groups[5].Value : null)
            : null;
    }

    public bool IsPreRelease => PreRelease is not null;

    /// <summary>The version without build metadata (and without its pre-release part when asked).</summary>
    public string Core(bool withoutPreRelease = false) => IsInteger ? Text
        : $"{Major}.{Minor}.{Patch}{(PreRelease is null || withoutPreRelease ? "" : "-" + PreRelease)}";

    public int CompareTo(DocumentVersion? other)
    {
        if (other is null) return 1;
        var byNumbers = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byNumbers != 0) return byNumbers;
        return (PreRelease, other.PreRelease) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            var (a, b) => ComparePreRelease(a, b),
        };
    }

    private static int ComparePreRelease(string a, string b)
    {
        var left = a.Split('.');
        var right = b.Split('.');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var leftNumeric = left[i].All(char.IsAsciiDigit);
            var rightNumeric = right[i].All(char.IsAsciiDigit);
            var order = (leftNumeric, rightNumeric) switch
            {
                (true, true) => left[i].Length != right[i].Length
                    ? left[i].Length.CompareTo(right[i].Length)
                    : string.CompareOrdinal(left[i], right[i]),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(left[i], right[i]),
            };
            if (order != 0) return order;
        }
        return left.Length.CompareTo(right.Length);
    }
}
