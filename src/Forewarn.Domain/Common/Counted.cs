using System.Globalization;

namespace Forewarn.Domain.Common;

/// <summary>A count with its noun in the right number — "1 advisory", "3 advisories" — for text people read.</summary>
public static class Counted
{
    /// <summary>The count and the noun: <c>Of(1, "entry", "entries")</c> is "1 entry".</summary>
    public static string Of(long count, string one, string many) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {Noun(count, one, many)}";

    /// <summary>The noun alone, for text that shows the number apart from it.</summary>
    public static string Noun(long count, string one, string many) => count == 1 ? one : many;
}
