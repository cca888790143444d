using System.Net;

namespace Forewarn.Domain.Signals.Countries;

/// <summary>
/// Which country an address was delegated in, from the registries' statistics: the ranges sorted
/// by their first address, searched by halving. Adjacent ranges of one country are joined. The
/// registries' files do not overlap; should two given ranges overlap anyway, the one that starts
/// first (the larger, if both start together) is kept and the other is counted in
/// <see cref="Overlapping"/>, so a lookup never depends on the order the files were read in.
/// </summary>
public sealed class CountryTable
{
    private readonly CountryRange[] ranges;

    private CountryTable(CountryRange[] ranges, int overlapping)
    {
        this.ranges = ranges;
        Overlapping = overlapping;
    }

    /// <summary>How many ranges the table holds (after joining neighbours).</summary>
    public int Count => ranges.Length;

    /// <summary>How many given ranges overlapped one kept before them and were left out.</summary>
    public int Overlapping { get; }

    public static CountryTable From(IEnumerable<CountryRange> given)
    {
        var sorted = given.OrderBy(r => r.First).ThenByDescending(r => r.Last).ThenBy(r => r.Country, StringComparer.Ordinal).ToList();
        var kept = new List<CountryRange>(sorted.Count);
        var overlapping = 0;
        foreach (var r in sorted)
        {
            if (kept.Count > 0)
            {
                var last = kept[^1];
                if (r.First <= last.Last)
                {
                    overlapping++;
                    continue;
                }
                if (r.Country == last.Country && r.First == last.Last + 1)
                {
                    kept[^1] = last with { Last = r.Last };
                    continue;
                }
            }
            kept.Add(r);
        }
        return new CountryTable([.. kept], overlapping);
    }

    /// <summary>The country code of the range holding <paramref name="address"/>; null when none does.</summary>
    public string? CountryOf(IPAddress? address)
    {
        if (address is null) return null;
        var at = CountryRange.Position(address);
        int low = 0, high = ranges.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            if (ranges[mid].Last < at) low = mid + 1;
            else if (ranges[mid].First > at) high = mid - 1;
            else return ranges[mid].Country;
        }
        return null;
    }

    /// <summary>The country of an address as the store keeps it (text); null when it is empty, not an address, or in no range.</summary>
    public string? CountryOf(string? address) =>
        IPAddress.TryParse(address, out var parsed) ? CountryOf(parsed) : null;
}
